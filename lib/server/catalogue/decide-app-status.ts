import "server-only";
import { ALLOWED_FROM, CURATION_DECISIONS, endsAccess, type CurationDecision } from "@/lib/catalogue/app-status";
import { listingBlocker } from "@/lib/catalogue/criteria";
import { decisionSchema } from "@/lib/catalogue/curation-schemas";
import type { CatalogAppStatus } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { CURATION_TEAM_LABEL } from "./curation-team";
import { notifyConnectedPatients } from "./notify-connected-patients";

/** Long enough for a large audience's fan-out; Prisma's default (5 s) is meant for short transactions. */
const DECISION_TIMEOUT_MS = 120_000;

export type DecisionOutcome = { status: CatalogAppStatus; notifiedPatients: number };

/**
 * A curator's decision on an app (list, refuse, suspend, delist) with its mandatory reason. In one
 * transaction, under a row lock on the app so that two decisions line up: the allowed transition is
 * checked, listing needs a complete review with no security criterion unmet, the status and its reason
 * change, the decision joins the public referencing file, the staff audit log records it, and for a
 * suspension or delisting every connected patient is told and their connection ends with every token
 * (verifyAccessToken would refuse them anyway while the app is not listed, but a relisting must not
 * bring access back without the patient connecting again: nothing widens silently). Mails leave after
 * commit.
 */
export async function decideAppStatus(
  db: Db,
  { staff, input, ipAddress }: { staff: StaffActor; input: { appId: string; decision: CurationDecision; reason: string }; ipAddress?: string | null },
): Promise<DecisionOutcome> {
  const { appId, decision, reason } = decisionSchema.parse(input);
  const status = CURATION_DECISIONS[decision];
  const { outcome, messageIds } = await db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "CatalogApp" WHERE "id" = ${appId}::uuid FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", "Catalogue app not found for a decision.");
      const app = await tx.catalogApp.findUniqueOrThrow({ where: { id: appId }, select: { id: true, name: true, slug: true, status: true, reviews: { select: { criterion: true, outcome: true } } } });
      if (!ALLOWED_FROM[decision].includes(app.status)) {
        throw new AppError("CONFLICT", `Decision ${decision} not allowed from ${app.status}.`, { messageKey: "catalogue.curation.errors.transition" });
      }
      if (decision === "list") {
        const blocker = listingBlocker(app.reviews);
        if (blocker?.reason === "INCOMPLETE") throw new AppError("CONFLICT", "Listing needs a complete review.", { messageKey: "catalogue.curation.errors.incomplete", messageValues: { count: blocker.missing.length } });
        if (blocker?.reason === "SECURITY_NOT_MET") throw new AppError("CONFLICT", "Listing refused: a security criterion is not met.", { messageKey: "catalogue.curation.errors.securityNotMet", messageValues: { criteria: blocker.failed.join(", ") } });
      }
      const now = new Date();
      await tx.catalogApp.update({ where: { id: appId }, data: { status, statusReason: reason, statusChangedAt: now }, select: { id: true } });
      await tx.catalogDecision.create({ data: { appId, status, reason, actorId: staff.userId, actorLabel: CURATION_TEAM_LABEL, createdAt: now } });
      const fanOut = endsAccess(decision) ? await notifyConnectedPatients(tx, { app, reason, decision: decision as "suspend" | "delist", ipAddress }) : { patients: 0, messageIds: [] };
      if (endsAccess(decision)) {
        await tx.oAuthToken.updateMany({ where: { revokedAt: null, connection: { appId } }, data: { revokedAt: now } });
        await tx.appConnection.updateMany({ where: { appId, revokedAt: null }, data: { revokedAt: now } });
      }
      await recordStaffAction(tx, {
        staff,
        action: "CATALOG_APP_STATUS_CHANGED",
        target: { appId, label: app.name },
        reason,
        details: { from: app.status, to: status, notifiedPatients: fanOut.patients },
        ipAddress,
      });
      return { outcome: { status, notifiedPatients: fanOut.patients }, messageIds: fanOut.messageIds };
    },
    { timeout: DECISION_TIMEOUT_MS },
  );
  for (const id of messageIds) afterCommitDeliver(id);
  return outcome;
}
