import "server-only";
import type { z } from "zod";
import { resolveIdentityConflictSchema } from "@/lib/schemas/identity";
import { recordSecurityEvent } from "@/lib/server/auth/record-security-event";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { AppError } from "@/lib/server/errors";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import { authorizeAgent } from "@/lib/server/tickets/ticket-context";
import { createQualification } from "./apply-qualification";
import { tellIdentityParty } from "./tell-identity-party";

/**
 * Support settles an identity conflict after talking to both parties (typically: who can show an
 * identity document matching the NIR). Either the holder keeps the qualification, or it is withdrawn
 * from the holder — who can no longer be found by that NIR — and the claim is applied to the
 * claimant's space as it was made (same method, document type, who). One transaction: the decision,
 * both histories, both tickets closed, the staff audit entry, and both parties told.
 */
export async function resolveIdentityConflict(
  { db, ip: ipAddress }: Ctx,
  { staff, ...input }: z.input<typeof resolveIdentityConflictSchema> & { staff: StaffActor },
): Promise<void> {
  authorizeAgent(staff);
  const { conflictId, resolution, reason } = resolveIdentityConflictSchema.parse(input);
  const supportActor: HistoryActor = { userId: staff.userId, role: "SUPPORT", label: staff.label };
  const mails = await db.$transaction(async (tx) => {
    const conflict = await tx.identityConflict.findUnique({
      where: { id: conflictId },
      select: {
        id: true,
        nir: true,
        holderId: true,
        claimantId: true,
        method: true,
        documentType: true,
        professionalId: true,
        claimedByLabel: true,
        holderTicket: { select: { id: true, number: true } },
        claimantTicket: { select: { id: true, number: true } },
        claimant: { select: { firstName: true, lastName: true } },
      },
    });
    if (!conflict) throw new AppError("NOT_FOUND");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`identity-nir:${conflict.nir}`}, 0))`;
    const now = new Date();
    // A conditional update: two agents deciding at once, only one decision counts.
    const decided = await tx.identityConflict.updateMany({
      where: { id: conflict.id, resolvedAt: null },
      data: { resolution, resolvedAt: now, resolvedById: staff.userId },
    });
    if (decided.count === 0)
      throw new AppError("CONFLICT", "conflict already resolved", { messageKey: "identity.errors.conflictResolved" });

    if (resolution === "MOVED_TO_CLAIMANT") {
      if (await tx.identityQualification.findUnique({ where: { userId: conflict.claimantId }, select: { id: true } })) {
        throw new AppError("CONFLICT", "claimant qualified meanwhile", { messageKey: "identity.errors.claimantQualified" });
      }
      const withdrawn = await tx.identityQualification.deleteMany({ where: { userId: conflict.holderId, nir: conflict.nir } });
      if (withdrawn.count > 0)
        await recordSecurityEvent(tx, { userId: conflict.holderId, kind: "IDENTITY_QUALIFICATION_WITHDRAWN", context: { ip: ipAddress } });
      await createQualification(tx, {
        patientId: conflict.claimantId,
        nir: conflict.nir,
        method: conflict.method,
        documentType: conflict.documentType,
        professionalId: conflict.professionalId,
        label: conflict.claimedByLabel,
        actor: supportActor,
        ipAddress,
      });
    }
    await recordHistory(tx, [
      {
        patientId: conflict.holderId,
        actor: supportActor,
        action: "SUPPORT_IDENTITY_CONFLICT_RESOLVED",
        details: { resolution, kept: resolution === "KEPT_HOLDER" },
        ipAddress,
      },
      {
        patientId: conflict.claimantId,
        actor: supportActor,
        action: "SUPPORT_IDENTITY_CONFLICT_RESOLVED",
        details: { resolution, kept: resolution === "MOVED_TO_CLAIMANT" },
        ipAddress,
      },
    ]);
    const tickets = [conflict.holderTicket?.id, conflict.claimantTicket?.id].filter((id): id is string => Boolean(id));
    await tx.supportTicket.updateMany({
      where: { id: { in: tickets }, status: { not: "CLOSED" } },
      data: { status: "CLOSED", closedAt: now, lastMessageAt: now },
    });
    await recordStaffAction(tx, {
      staff,
      action: "IDENTITY_CONFLICT_RESOLVED",
      target: {
        userId: conflict.claimantId,
        label: `${conflict.claimant.firstName} ${conflict.claimant.lastName}`,
        ticketId: conflict.claimantTicket?.id ?? null,
      },
      reason,
      details: { conflictId: conflict.id, resolution, holderId: conflict.holderId },
      ipAddress,
    });
    const told: string[] = [];
    const holderKept = resolution === "KEPT_HOLDER";
    if (conflict.holderTicket)
      told.push(
        await tellIdentityParty(tx, {
          userId: conflict.holderId,
          ticket: conflict.holderTicket,
          kind: "IDENTITY_CONFLICT_RESOLVED",
          template: holderKept ? "identityConflictKept" : "identityConflictWithdrawn",
        }),
      );
    if (conflict.claimantTicket)
      told.push(
        await tellIdentityParty(tx, {
          userId: conflict.claimantId,
          ticket: conflict.claimantTicket,
          kind: "IDENTITY_CONFLICT_RESOLVED",
          template: holderKept ? "identityConflictRefused" : "identityConflictGranted",
        }),
      );
    return told;
  });
  for (const id of mails) afterCommitDeliver(id);
}
