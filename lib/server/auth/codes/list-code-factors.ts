import "server-only";
import type { Db } from "@/lib/server/db";
import { CODE_FACTOR_KINDS, type CodeFactorKind } from "./code-factor-kinds";
import { formatPhone, maskEmail, maskPhone } from "./describe-destination";

export type CodeFactorSummary = {
  id: string;
  kind: CodeFactorKind;
  /** For a fully signed-in person only: the whole address or number. */
  destination: string;
  /** For anyone else, e.g. on the second step of signing in. */
  maskedDestination: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** The account's confirmed e-mail and SMS factors, oldest first, with the account address. */
export async function listCodeFactors(
  db: Pick<Db, "user">,
  { userId }: { userId: string },
): Promise<{ email: string; factors: CodeFactorSummary[] }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      factors: {
        where: { kind: { in: CODE_FACTOR_KINDS }, confirmedAt: { not: null } },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, phone: true, createdAt: true, lastUsedAt: true },
      },
    },
  });
  return {
    email: user.email,
    factors: user.factors.map(({ phone, kind, ...factor }) => {
      const sms = kind === "SMS_OTP" && phone !== null;
      return {
        ...factor,
        kind: kind as CodeFactorKind,
        destination: sms ? formatPhone(phone) : user.email,
        maskedDestination: sms ? maskPhone(phone) : maskEmail(user.email),
      };
    }),
  };
}
