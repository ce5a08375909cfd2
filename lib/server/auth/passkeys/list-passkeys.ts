import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";

export type PasskeySummary = { id: string; label: string | null; createdAt: Date; lastUsedAt: Date | null };

/** The signed-in person's passkeys for the Sécurité page: what they need to recognise each one, no key material. */
export async function listPasskeys({ db, actor }: SignedInCtx): Promise<PasskeySummary[]> {
  return db.authFactor.findMany({
    where: { userId: actor.userId, kind: "PASSKEY", confirmedAt: { not: null } },
    select: { id: true, label: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}
