import "server-only";
import type { Tx } from "@/lib/server/db";

/** Connected apps act on the person's behalf: a disabled or closed account's apps stop with it. */
export async function revokeAppTokens(tx: Tx, userId: string, now: Date): Promise<number> {
  return (await tx.oAuthToken.updateMany({ where: { connection: { patientId: userId }, revokedAt: null }, data: { revokedAt: now } }))
    .count;
}
