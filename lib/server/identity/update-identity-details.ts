import "server-only";
import type { z } from "zod";
import { identityDetailsSchema } from "@/lib/schemas/identity";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { ownPatientId } from "./own-patient";

/**
 * The patient's declared NIR and postal address on file. A qualified NIR cannot be changed here (only
 * support, through a conflict, moves a qualification). Changing the NIR or the address voids a letter
 * on its way: its code belonged to the NIR and address it was sent for.
 */
export async function updateIdentityDetails({ db, actor, now }: SignedInCtx, input: z.output<typeof identityDetailsSchema>): Promise<void> {
  const patientId = ownPatientId(actor);
  const { nir, addressLine1, addressLine2, postalCode, city } = input;
  const address = {
    addressLine1: addressLine1 || null,
    addressLine2: addressLine2 || null,
    postalCode: postalCode || null,
    city: city || null,
  };
  if ((address.addressLine1 || address.postalCode || address.city) && !(address.addressLine1 && address.postalCode && address.city)) {
    throw new AppError("BAD_REQUEST", "incomplete address", {
      messageKey: "identity.errors.addressIncomplete",
      field: address.addressLine1 ? (address.postalCode ? "city" : "postalCode") : "addressLine1",
    });
  }
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({
      where: { id: patientId },
      select: {
        declaredNir: true,
        addressLine1: true,
        addressLine2: true,
        postalCode: true,
        city: true,
        identityQualification: { select: { nir: true } },
      },
    });
    if (current.identityQualification && nir !== current.identityQualification.nir) {
      throw new AppError("CONFLICT", "qualified NIR is locked", { messageKey: "identity.errors.qualifiedNirLocked", field: "nir" });
    }
    const changed =
      nir !== current.declaredNir || (Object.keys(address) as (keyof typeof address)[]).some((key) => address[key] !== current[key]);
    if (!changed) return;
    await tx.user.update({ where: { id: patientId }, data: { declaredNir: nir, ...address }, select: { id: true } });
    await tx.verificationCode.updateMany({
      where: { userId: patientId, purpose: "IDENTITY_ACTIVATION", consumedAt: null },
      data: { consumedAt: now() },
    });
  });
}
