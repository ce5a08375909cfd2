import "server-only";
import { z } from "zod";
import { recordHistory } from "@/lib/server/history/record-history";
import type { Db } from "@/lib/server/db";
import { authorizeConsent, type ConsentContext } from "./consent-context";

/**
 * Which alerts reach the patient by e-mail. Only the first-access e-mail can be turned off: in-app
 * alerts always appear, and emergency-access alerts are always sent, so there is no setting for them.
 */
export async function setAlertSettings(db: Db, context: ConsentContext, input: { firstAccessByEmail: boolean }): Promise<{ changed: boolean }> {
  const { firstAccessByEmail } = z.object({ firstAccessByEmail: z.boolean() }).parse(input);
  const historyActor = await authorizeConsent(db, context);
  const { patientId } = context;
  const current = await db.patientAccessSettings.findUnique({ where: { patientId }, select: { alertFirstAccessByEmail: true } });
  if ((current?.alertFirstAccessByEmail ?? true) === firstAccessByEmail) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.patientAccessSettings.upsert({ where: { patientId }, create: { patientId, alertFirstAccessByEmail: firstAccessByEmail }, update: { alertFirstAccessByEmail: firstAccessByEmail }, select: { patientId: true } });
    await recordHistory(tx, { patientId, actor: historyActor, action: "ALERT_SETTINGS_CHANGED", details: { alertFirstAccessByEmail: firstAccessByEmail }, ipAddress: context.ipAddress ?? null });
  });
  return { changed: true };
}
