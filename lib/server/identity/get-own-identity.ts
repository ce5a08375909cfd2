import "server-only";
import type { IdentityDocumentType, IdentityQualificationMethod } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { ownPatientId } from "./own-patient";

export type OwnIdentityView = {
  declaredNir: string | null;
  address: { addressLine1: string; addressLine2: string; postalCode: string; city: string };
  qualification: {
    nir: string;
    method: IdentityQualificationMethod;
    documentType: IdentityDocumentType | null;
    qualifiedBy: string;
    qualifiedAt: Date;
  } | null;
  /** A letter on its way: its code still works until then. */
  letterExpiresAt: Date | null;
  /** The ticket of an identity conflict support has not settled yet. */
  openConflictTicket: { id: string; number: number } | null;
};

/** What the identity page shows the patient about their own identity. */
export async function getOwnIdentity({ db, actor, now: clock }: SignedInCtx): Promise<OwnIdentityView> {
  const now = clock();
  const patientId = ownPatientId(actor);
  const [person, letter, conflict] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: patientId },
      select: {
        declaredNir: true,
        addressLine1: true,
        addressLine2: true,
        postalCode: true,
        city: true,
        identityQualification: { select: { nir: true, method: true, documentType: true, qualifiedByLabel: true, createdAt: true } },
      },
    }),
    db.verificationCode.findFirst({
      where: { userId: patientId, purpose: "IDENTITY_ACTIVATION", consumedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { expiresAt: true },
    }),
    db.identityConflict.findFirst({
      where: { resolvedAt: null, OR: [{ claimantId: patientId }, { holderId: patientId }] },
      orderBy: { createdAt: "desc" },
      select: {
        holderId: true,
        holderTicket: { select: { id: true, number: true } },
        claimantTicket: { select: { id: true, number: true } },
      },
    }),
  ]);
  const q = person.identityQualification;
  return {
    declaredNir: person.declaredNir,
    address: {
      addressLine1: person.addressLine1 ?? "",
      addressLine2: person.addressLine2 ?? "",
      postalCode: person.postalCode ?? "",
      city: person.city ?? "",
    },
    qualification: q
      ? { nir: q.nir, method: q.method, documentType: q.documentType, qualifiedBy: q.qualifiedByLabel, qualifiedAt: q.createdAt }
      : null,
    letterExpiresAt: letter?.expiresAt ?? null,
    openConflictTicket: (conflict ? (conflict.holderId === patientId ? conflict.holderTicket : conflict.claimantTicket) : null) ?? null,
  };
}
