import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/next-auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: configuration is read at run time, never at build time.
function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
