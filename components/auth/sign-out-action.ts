"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { readSessionToken, SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { signOut } from "@/lib/server/auth/sessions/sign-out";

/**
 * Public: a session still short of its second factor may leave too. Next.js only runs a server action
 * for a POST whose Origin is this host, so another site cannot sign a person out (the CSRF token
 * next-auth's own sign-out endpoint asked for is not needed here).
 */
const endThisSession = defineAction({
  input: z.object({}),
  access: { public: true },
  run: async ({ ctx }) => {
    const store = await cookies();
    const token = await readSessionToken(store);
    if (token) await signOut(ctx, { token });
    // A __Host- cookie is only replaced by one with the same Secure and Path attributes.
    const secure = ctx.config.isProduction;
    store.delete({ name: SESSION_COOKIE(secure), path: "/", secure, httpOnly: true, sameSite: "lax" });
    redirect("/");
  },
});

/** The sign-out form's action: a plain form, so signing out works before (or without) any script. */
export async function signOutAction(form: FormData): Promise<void> {
  await endThisSession(null, form);
}
