import "server-only";
import type { Db } from "@/lib/server/db";

export type PasskeySummary = { id: string; label: string | null; createdAt: Date; lastUsedAt: Date | null };

/** The user's passkeys for the Sécurité page: what a person needs to recognise each one, no key material. */
export async function listPasskeys(db: Pick<Db, "authFactor">, { userId }: { userId: string }): Promise<PasskeySummary[]> {
  return db.authFactor.findMany({
    where: { userId, kind: "PASSKEY", confirmedAt: { not: null } },
    select: { id: true, label: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}
