import "server-only";
import { z } from "zod";
import { recordHistory } from "@/lib/server/history/record-history";
import type { Db } from "@/lib/server/db";
import { authorizeConsent, type ConsentContext } from "./consent-context";

/**
 * Switches emergency access ("bris de glace") on or off; it is on until the patient says otherwise.
 * The history records the switch. (No receipt: the schema's ConsentChange has no value for settings.)
 */
export async function setEmergencyAccess(db: Db, context: ConsentContext, input: { enabled: boolean }): Promise<{ changed: boolean }> {
  const { enabled } = z.object({ enabled: z.boolean() }).parse(input);
  const historyActor = await authorizeConsent(db, context);
  const { patientId } = context;
  const current = await db.patientAccessSettings.findUnique({ where: { patientId }, select: { emergencyAccessEnabled: true } });
  if ((current?.emergencyAccessEnabled ?? true) === enabled) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.patientAccessSettings.upsert({ where: { patientId }, create: { patientId, emergencyAccessEnabled: enabled }, update: { emergencyAccessEnabled: enabled }, select: { patientId: true } });
    await recordHistory(tx, { patientId, actor: historyActor, action: "EMERGENCY_SETTING_CHANGED", details: { emergencyAccessEnabled: enabled }, ipAddress: context.ipAddress ?? null });
  });
  return { changed: true };
}
