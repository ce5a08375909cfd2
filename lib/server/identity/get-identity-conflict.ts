import "server-only";
import type { IdentityConflictResolution, IdentityDocumentType, IdentityQualificationMethod } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { authorizeAgent } from "@/lib/server/tickets/ticket-context";

type QualificationFacts = { method: IdentityQualificationMethod; documentType: IdentityDocumentType | null; by: string; at: Date };

/**
 * An identity conflict as support handles it, from either party's ticket: both account ids and
 * names, the holder's qualification and the refused claim — metadata only (method, document type,
 * who, when), never a document, never health data.
 */
export type IdentityConflictView = {
  id: string;
  /** The NIR in dispute, to compare with what each party says on the phone. */
  nir: string;
  createdAt: Date;
  holder: { id: string; name: string; ticket: { id: string; number: number } | null; qualification: QualificationFacts | null };
  claimant: { id: string; name: string; ticket: { id: string; number: number } | null; claim: QualificationFacts };
  resolution: IdentityConflictResolution | null;
  resolvedAt: Date | null;
};

export async function getIdentityConflictForTicket(
  { db }: Ctx,
  { staff, ticketId }: { staff: StaffActor; ticketId: string },
): Promise<IdentityConflictView | null> {
  authorizeAgent(staff);
  const person = {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      identityQualification: { select: { nir: true, method: true, documentType: true, qualifiedByLabel: true, createdAt: true } },
    },
  } as const;
  const ticket = { select: { id: true, number: true } } as const;
  const conflict = await db.identityConflict.findFirst({
    where: { OR: [{ holderTicketId: ticketId }, { claimantTicketId: ticketId }] },
    select: {
      id: true,
      nir: true,
      createdAt: true,
      method: true,
      documentType: true,
      claimedByLabel: true,
      resolution: true,
      resolvedAt: true,
      holder: person,
      claimant: person,
      holderTicket: ticket,
      claimantTicket: ticket,
    },
  });
  if (!conflict) return null;
  const held = conflict.holder.identityQualification;
  return {
    id: conflict.id,
    nir: conflict.nir,
    createdAt: conflict.createdAt,
    holder: {
      id: conflict.holder.id,
      name: `${conflict.holder.firstName} ${conflict.holder.lastName}`,
      ticket: conflict.holderTicket,
      // The holder's qualification of this NIR, if they still have it.
      qualification:
        held && held.nir === conflict.nir
          ? { method: held.method, documentType: held.documentType, by: held.qualifiedByLabel, at: held.createdAt }
          : null,
    },
    claimant: {
      id: conflict.claimant.id,
      name: `${conflict.claimant.firstName} ${conflict.claimant.lastName}`,
      ticket: conflict.claimantTicket,
      claim: { method: conflict.method, documentType: conflict.documentType, by: conflict.claimedByLabel, at: conflict.createdAt },
    },
    resolution: conflict.resolution,
    resolvedAt: conflict.resolvedAt,
  };
}
