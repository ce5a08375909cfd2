import "server-only";
import type { DocumentCategory, GrantScope } from "@/lib/generated/prisma/client";
import { grantTermsSelect } from "@/lib/server/access/load-access-facts";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizeConsent, professionalColumns, type ProfessionalSummary } from "./consent-context";

export type GrantState = "active" | "expired" | "revoked";

export type GrantView = {
  id: string;
  professional: ProfessionalSummary;
  scope: GrantScope;
  categories: DocumentCategory[];
  documentIds: string[];
  canAdd: boolean;
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
  state: GrantState;
};

export type EmergencyAccessView = { id: string; professional: ProfessionalSummary; reason: string; openedAt: Date; until: Date };

export type AccessOverview = {
  treatingDoctor: ProfessionalSummary | null;
  emergencyAccessEnabled: boolean;
  alertFirstAccessByEmail: boolean;
  /** In force first, then ended ones, newest change first. */
  grants: GrantView[];
  blocks: { professional: ProfessionalSummary; blockedAt: Date }[];
  /** Break-glass accesses in force (not expired, not ended), newest first: they open documents without consent. */
  emergencyAccesses: EmergencyAccessView[];
  pendingRequests: { id: string; professional: ProfessionalSummary; message: string | null; createdAt: Date }[];
};

export function grantState(grant: { validFrom: Date; validUntil: Date | null; revokedAt: Date | null }, now: Date): GrantState {
  if (grant.revokedAt) return "revoked";
  if (grant.validUntil && grant.validUntil <= now) return "expired";
  return "active";
}

/** Everything the "Gestion des accès" page shows, for the patient alone. */
export async function getAccessOverview(ctx: SignedInCtx, input: { patientId: string }): Promise<AccessOverview> {
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const { patientId } = patient;
  const now = new Date();
  const [settings, grants, blocks, pendingRequests, emergencyAccesses] = await Promise.all([
    db.patientAccessSettings.findUnique({
      where: { patientId },
      select: { emergencyAccessEnabled: true, alertFirstAccessByEmail: true, treatingDoctor: { select: professionalColumns } },
    }),
    db.accessGrant.findMany({
      where: { patientId },
      orderBy: { updatedAt: "desc" },
      select: { ...grantTermsSelect, professional: { select: professionalColumns } },
    }),
    db.professionalBlock.findMany({
      where: { patientId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, professional: { select: professionalColumns } },
    }),
    db.accessRequest.findMany({
      where: { patientId, status: "PENDING" },
      orderBy: { createdAt: "desc" },
      select: { id: true, message: true, createdAt: true, professional: { select: professionalColumns } },
    }),
    db.emergencyAccess.findMany({
      where: { patientId, endedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, reason: true, createdAt: true, expiresAt: true, professional: { select: professionalColumns } },
    }),
  ]);
  const views = grants.map((grant) => ({ ...grant, state: grantState(grant, now) }));
  return {
    treatingDoctor: settings?.treatingDoctor ?? null,
    emergencyAccessEnabled: settings?.emergencyAccessEnabled ?? true,
    alertFirstAccessByEmail: settings?.alertFirstAccessByEmail ?? true,
    grants: [...views.filter((grant) => grant.state === "active"), ...views.filter((grant) => grant.state !== "active")],
    blocks: blocks.map((block) => ({ professional: block.professional, blockedAt: block.createdAt })),
    pendingRequests,
    emergencyAccesses: emergencyAccesses.map((access) => ({
      id: access.id,
      professional: access.professional,
      reason: access.reason,
      openedAt: access.createdAt,
      until: access.expiresAt,
    })),
  };
}
