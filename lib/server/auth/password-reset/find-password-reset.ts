import "server-only";
import type { Locale } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { parseResetToken, resetSecretMatches } from "./reset-token";

export type PendingReset = {
  codeId: string;
  user: { id: string; email: string; firstName: string; lastName: string; locale: Locale };
};

/**
 * The live reset behind a link, or null when the link is malformed, forged, used, superseded,
 * expired, or its account is no longer active. Reads only: the page uses it to decide between the
 * form and "this link no longer works", and completing the reset consumes it.
 */
export async function findPasswordReset(
  db: Pick<Db, "verificationCode">,
  { token, now = new Date() }: { token: unknown; now?: Date },
): Promise<PendingReset | null> {
  const parsed = parseResetToken(token);
  if (!parsed) return null;
  const code = await db.verificationCode.findFirst({
    where: { id: parsed.codeId, purpose: "PASSWORD_RESET", consumedAt: null, expiresAt: { gt: now }, user: { status: "ACTIVE" } },
    select: { codeHash: true, user: { select: { id: true, email: true, firstName: true, lastName: true, locale: true } } },
  });
  if (!code || !resetSecretMatches(code.user.id, parsed.secret, code.codeHash)) return null;
  return { codeId: parsed.codeId, user: code.user };
}
