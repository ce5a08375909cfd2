import "server-only";
import { z } from "zod";
import { recordHistory } from "@/lib/server/history/record-history";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizeConsent } from "./consent-context";

/**
 * Which alerts reach the patient by e-mail. Only the first-access e-mail can be turned off: in-app
 * alerts always appear, and emergency-access alerts are always sent, so there is no setting for them.
 */
export async function setAlertSettings(
  ctx: SignedInCtx,
  input: { patientId: string; firstAccessByEmail: boolean },
): Promise<{ changed: boolean }> {
  const { firstAccessByEmail } = z.object({ firstAccessByEmail: z.boolean() }).parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const { patientId } = patient;
  const current = await db.patientAccessSettings.findUnique({ where: { patientId }, select: { alertFirstAccessByEmail: true } });
  if ((current?.alertFirstAccessByEmail ?? true) === firstAccessByEmail) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.patientAccessSettings.upsert({
      where: { patientId },
      create: { patientId, alertFirstAccessByEmail: firstAccessByEmail },
      update: { alertFirstAccessByEmail: firstAccessByEmail },
      select: { patientId: true },
    });
    await recordHistory(tx, {
      patientId,
      actor: patient.historyActor,
      action: "ALERT_SETTINGS_CHANGED",
      details: { alertFirstAccessByEmail: firstAccessByEmail },
      ipAddress: patient.ipAddress,
    });
  });
  return { changed: true };
}
