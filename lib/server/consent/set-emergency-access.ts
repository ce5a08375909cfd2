import "server-only";
import { z } from "zod";
import { recordHistory } from "@/lib/server/history/record-history";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizeConsent } from "./consent-context";

/**
 * Switches emergency access ("bris de glace") on or off; it is on until the patient says otherwise.
 * The history records the switch. (No receipt: the schema's ConsentChange has no value for settings.)
 */
export async function setEmergencyAccess(ctx: SignedInCtx, input: { patientId: string; enabled: boolean }): Promise<{ changed: boolean }> {
  const { enabled } = z.object({ enabled: z.boolean() }).parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const { patientId } = patient;
  const current = await db.patientAccessSettings.findUnique({ where: { patientId }, select: { emergencyAccessEnabled: true } });
  if ((current?.emergencyAccessEnabled ?? true) === enabled) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.patientAccessSettings.upsert({
      where: { patientId },
      create: { patientId, emergencyAccessEnabled: enabled },
      update: { emergencyAccessEnabled: enabled },
      select: { patientId: true },
    });
    await recordHistory(tx, {
      patientId,
      actor: patient.historyActor,
      action: "EMERGENCY_SETTING_CHANGED",
      details: { emergencyAccessEnabled: enabled },
      ipAddress: patient.ipAddress,
    });
  });
  return { changed: true };
}
