import "server-only";
import type { IdentityDocumentType, IdentityQualificationMethod } from "@/lib/generated/prisma/client";
import { recordSecurityEvent } from "@/lib/server/auth/record-security-event";
import type { Db, Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { openIdentityTicket, tellIdentityParty } from "./tell-identity-party";

/** Who acts, in a history, when the app itself records an identity event. */
export const IDENTITY_VIGILANCE_ACTOR: HistoryActor = { userId: null, role: null, label: "Identitovigilance" };

export type QualificationClaim = {
  patientId: string;
  nir: string;
  method: IdentityQualificationMethod;
  documentType: IdentityDocumentType | null;
  professionalId: string | null;
  /** Who qualifies, as the record keeps it (the professional's name and profession, or the patient's). */
  label: string;
  /** Who acts, as the patient's history shows it. */
  actor: HistoryActor;
  ipAddress: string | null;
};

export type QualificationOutcome = { outcome: "QUALIFIED" } | { outcome: "CONFLICT" };

/**
 * Qualifies a patient's identity with a checked NIR, or, when that NIR is already qualified on
 * another space, records a conflict instead: nothing changes on either space, each party gets a
 * ticket, an alert and a mail, and support decides (resolve-identity-conflict.ts). Never silently.
 * Qualifications of one NIR are serialised by a transaction lock on it, so two claims at once make a
 * qualification and a conflict, not a unique-index error.
 */
export async function applyQualification(db: Db, claim: QualificationClaim): Promise<QualificationOutcome> {
  const { outcome, mails } = await db.$transaction((tx) => qualifyInTransaction(tx, claim));
  for (const id of mails) afterCommitDeliver(id);
  return outcome;
}

async function qualifyInTransaction(tx: Tx, claim: QualificationClaim): Promise<{ outcome: QualificationOutcome; mails: string[] }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`identity-nir:${claim.nir}`}, 0))`;
  const own = await tx.identityQualification.findUnique({ where: { userId: claim.patientId }, select: { id: true } });
  if (own) throw new AppError("CONFLICT", "identity already qualified", { messageKey: "identity.errors.alreadyQualified" });
  const held = await tx.identityQualification.findUnique({ where: { nir: claim.nir }, select: { userId: true } });
  const context = { ip: claim.ipAddress };

  if (held) {
    // One open conflict per claimant and NIR is enough for support; a repeat changes nothing.
    const open = await tx.identityConflict.findFirst({
      where: { nir: claim.nir, claimantId: claim.patientId, resolvedAt: null },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", "identity conflict already with support", { messageKey: "identity.errors.conflictPending" });
    const holderTicket = await openIdentityTicket(tx, { userId: held.userId, party: "holder" });
    const claimantTicket = await openIdentityTicket(tx, { userId: claim.patientId, party: "claimant" });
    const conflict = await tx.identityConflict.create({
      data: {
        nir: claim.nir,
        holderId: held.userId,
        claimantId: claim.patientId,
        method: claim.method,
        documentType: claim.documentType,
        professionalId: claim.professionalId,
        claimedByLabel: claim.label.slice(0, 200),
        holderTicketId: holderTicket.id,
        claimantTicketId: claimantTicket.id,
      },
      select: { id: true },
    });
    // Each history says what happened to that space. The holder's names nobody: the claimant's name,
    // or the professional who saw them (a psychiatrist, say), would tell the holder about a stranger.
    await recordHistory(tx, [
      {
        patientId: claim.patientId,
        actor: claim.actor,
        action: "IDENTITY_QUALIFICATION_CONFLICT",
        details: { method: claim.method, conflictId: conflict.id, ticketNumber: claimantTicket.number },
        ipAddress: claim.ipAddress,
      },
      {
        patientId: held.userId,
        actor: IDENTITY_VIGILANCE_ACTOR,
        action: "IDENTITY_QUALIFICATION_CONFLICT",
        details: { conflictId: conflict.id, ticketNumber: holderTicket.number, held: true },
        ipAddress: null,
      },
    ]);
    await recordSecurityEvent(tx, { userId: claim.patientId, kind: "IDENTITY_QUALIFICATION_CONFLICT", context });
    await recordSecurityEvent(tx, { userId: held.userId, kind: "IDENTITY_QUALIFICATION_CONFLICT" });
    const mails = [
      await tellIdentityParty(tx, {
        userId: held.userId,
        ticket: holderTicket,
        kind: "IDENTITY_CONFLICT",
        template: "identityConflictHolder",
      }),
      await tellIdentityParty(tx, {
        userId: claim.patientId,
        ticket: claimantTicket,
        kind: "IDENTITY_CONFLICT",
        template: "identityConflictClaimant",
      }),
    ];
    return { outcome: { outcome: "CONFLICT" }, mails };
  }

  await createQualification(tx, claim);
  return { outcome: { outcome: "QUALIFIED" }, mails: [] };
}

/** The qualification itself, its history entry and security event; the NIR becomes the declared one too. */
export async function createQualification(tx: Tx, claim: QualificationClaim): Promise<void> {
  await tx.identityQualification.create({
    data: {
      userId: claim.patientId,
      nir: claim.nir,
      method: claim.method,
      documentType: claim.documentType,
      professionalId: claim.professionalId,
      qualifiedByLabel: claim.label.slice(0, 200),
    },
    select: { id: true },
  });
  await tx.user.update({ where: { id: claim.patientId }, data: { declaredNir: claim.nir }, select: { id: true } });
  // A letter still on its way has nothing left to do.
  await tx.verificationCode.updateMany({
    where: { userId: claim.patientId, purpose: "IDENTITY_ACTIVATION", consumedAt: null },
    data: { consumedAt: new Date() },
  });
  await recordHistory(tx, {
    patientId: claim.patientId,
    actor: claim.actor,
    action: "IDENTITY_QUALIFIED",
    details: {
      method: claim.method,
      ...(claim.documentType ? { documentType: claim.documentType } : {}),
      ...(claim.professionalId ? { professionalId: claim.professionalId } : {}),
    },
    ipAddress: claim.ipAddress,
  });
  await recordSecurityEvent(tx, { userId: claim.patientId, kind: "IDENTITY_QUALIFIED", context: { ip: claim.ipAddress } });
}
