import "server-only";
import type { Db } from "@/lib/server/db";

/** The person's confirmed second factors for the "Sécurité" page, oldest first; never a secret. */
export function listFactors(db: Pick<Db, "authFactor">, { userId }: { userId: string }) {
  return db.authFactor.findMany({
    where: { userId, confirmedAt: { not: null } },
    select: { id: true, kind: true, label: true, confirmedAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
}
