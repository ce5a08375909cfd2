import "server-only";
import type { HistoryAction, Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Writes a professional's access to a patient's data into the patient's history, in the caller's
 * transaction, and alerts the patient (in the app, and by e-mail as they chose) when it is that
 * professional's first access, or always when it is an emergency access.
 */
export async function recordProfessionalAccess(
  tx: Tx,
  event: { patientId: string; actor: HistoryActor; action: HistoryAction; document?: { id: string; title: string } | null; details?: Prisma.InputJsonObject | null; ipAddress: string | null },
): Promise<void> {
  await recordHistory(tx, event);
}
