import NextAuth from "next-auth";
import { refuseMalformedAuthRequest } from "@/lib/server/auth/malformed-auth-request";
import { authOptions } from "@/lib/server/auth/next-auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: configuration is read at run time, never at build time.
async function handler(request: Request, context: Context) {
  const refused = await refuseMalformedAuthRequest(request, (await context.params).nextauth ?? []);
  if (refused) return refused;
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
