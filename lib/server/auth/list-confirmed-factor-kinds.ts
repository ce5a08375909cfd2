import "server-only";
import type { FactorKind } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

/** Which kinds of second factor a person can use now: what the second step of signing in offers. */
export async function listConfirmedFactorKinds(db: Pick<Db, "authFactor">, userId: string): Promise<Set<FactorKind>> {
  const factors = await db.authFactor.findMany({
    where: { userId, confirmedAt: { not: null } },
    select: { kind: true },
    distinct: ["kind"],
  });
  return new Set(factors.map((factor) => factor.kind));
}
