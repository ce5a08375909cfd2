import "server-only";
import type { ConsentChange } from "@/lib/generated/prisma/client";
import { grantAccessSchema, type GrantAccessInput } from "@/lib/consent/access-schemas";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizeConsent, findProfessional } from "./consent-context";
import { recordConsentChange } from "./consent-record";
import { checkGrantOptions, writeGrant } from "./write-grant";

export type GrantAccessResult = { grantId: string; receiptId: string; change: Extract<ConsentChange, "GRANTED" | "CHANGED"> };

/**
 * Gives a professional access to the patient's visible documents, chosen categories or chosen
 * documents, read only or read and add, until a day or without end; or changes the access they have.
 * The grant, its receipt and its history entry commit together.
 */
export async function grantAccess(ctx: SignedInCtx, input: GrantAccessInput & { patientId: string }): Promise<GrantAccessResult> {
  const { professionalId, ...options } = grantAccessSchema.parse(input);
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const professional = await findProfessional(db, professionalId);
  const now = new Date();
  const grant = await checkGrantOptions(db, { patientId: patient.patientId, professionalId, options, now });
  return db.$transaction(async (tx) => {
    const written = await writeGrant(tx, { patientId: patient.patientId, professionalId, grant, now });
    const receiptId = await recordConsentChange(tx, {
      patient,
      action: written.change === "GRANTED" ? "ACCESS_GRANTED" : "ACCESS_CHANGED",
      professional,
      receipt: { change: written.change, access: written.access, previous: written.previous },
      now,
    });
    return { grantId: written.grantId, receiptId: receiptId!, change: written.change };
  });
}
