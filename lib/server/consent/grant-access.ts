import "server-only";
import type { ConsentChange } from "@/lib/generated/prisma/client";
import { grantAccessSchema, type GrantAccessInput } from "@/lib/consent/access-schemas";
import type { Db } from "@/lib/server/db";
import { authorizeConsent, findProfessional, type ConsentContext } from "./consent-context";
import { recordConsentChange } from "./consent-record";
import { checkGrantOptions, writeGrant } from "./write-grant";

export type GrantAccessResult = { grantId: string; receiptId: string; change: Extract<ConsentChange, "GRANTED" | "CHANGED"> };

/**
 * Gives a professional access to the patient's visible documents, chosen categories or chosen
 * documents, read only or read and add, until a day or without end; or changes the access they have.
 * The grant, its receipt and its history entry commit together.
 */
export async function grantAccess(db: Db, context: ConsentContext, input: GrantAccessInput): Promise<GrantAccessResult> {
  const { professionalId, ...options } = grantAccessSchema.parse(input);
  const historyActor = await authorizeConsent(db, context);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  const grant = await checkGrantOptions(db, { patientId: context.patientId, professionalId, options, now });
  return db.$transaction(async (tx) => {
    const written = await writeGrant(tx, { patientId: context.patientId, professionalId, grant, now });
    const receiptId = await recordConsentChange(tx, {
      context,
      historyActor,
      action: written.change === "GRANTED" ? "ACCESS_GRANTED" : "ACCESS_CHANGED",
      professional,
      receipt: { change: written.change, access: written.access, previous: written.previous },
      now,
    });
    return { grantId: written.grantId, receiptId: receiptId!, change: written.change };
  });
}
