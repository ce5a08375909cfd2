import "server-only";
import { ALLOWED_FROM, CURATION_DECISIONS, endsAccess, type CurationDecision } from "@/lib/catalogue/app-status";
import { listingBlocker } from "@/lib/catalogue/criteria";
import { decisionSchema } from "@/lib/catalogue/curation-schemas";
import type { CatalogAppStatus } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { CURATION_TEAM_LABEL } from "./curation-team";
import { sendAccessEndedNoticesSoon } from "./access-ended-notices";

/** Ending a large audience's connections is two UPDATEs; Prisma's default (5 s) is meant for smaller work. */
const DECISION_TIMEOUT_MS = 60_000;

/** `notifiedPatients`: the patients whose connection ended and who are being told. */
export type DecisionOutcome = { status: CatalogAppStatus; notifiedPatients: number };

/**
 * A curator's decision on an app (list, refuse, suspend, delist) with its mandatory reason. In one
 * transaction, under a row lock on the app so that two decisions line up: the allowed transition is
 * checked, listing needs a complete review with no security criterion unmet, the status and its reason
 * change, the decision joins the public referencing file, the staff audit log records it, and for a
 * suspension or delisting every live connection ends with every token (verifyAccessToken would refuse
 * them anyway while the app is not listed, but a relisting must not bring access back without the
 * patient connecting again: nothing widens silently). Each ended connection is marked with the
 * decision; a job enqueued in the same transaction tells its patient, in batches (access-ended-notices.ts).
 */
export async function decideAppStatus(
  { db, ip, now: clock }: Ctx,
  { staff, input }: { staff: StaffActor; input: { appId: string; decision: CurationDecision; reason: string } },
  { tellPatients = sendAccessEndedNoticesSoon }: { tellPatients?: (tx: Pick<Tx, "$executeRaw">) => unknown } = {},
): Promise<DecisionOutcome> {
  const { appId, decision, reason } = decisionSchema.parse(input);
  const status = CURATION_DECISIONS[decision];
  const outcome = await db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "CatalogApp" WHERE "id" = ${appId}::uuid FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", "Catalogue app not found for a decision.");
      const app = await tx.catalogApp.findUniqueOrThrow({
        where: { id: appId },
        select: { id: true, name: true, slug: true, status: true, reviews: { select: { criterion: true, outcome: true } } },
      });
      if (!ALLOWED_FROM[decision].includes(app.status)) {
        throw new AppError("CONFLICT", `Decision ${decision} not allowed from ${app.status}.`, {
          messageKey: "catalogue.curation.errors.transition",
        });
      }
      if (decision === "list") {
        const blocker = listingBlocker(app.reviews);
        if (blocker?.reason === "INCOMPLETE")
          throw new AppError("CONFLICT", "Listing needs a complete review.", {
            messageKey: "catalogue.curation.errors.incomplete",
            messageValues: { count: blocker.missing.length },
          });
        if (blocker?.reason === "SECURITY_NOT_MET")
          throw new AppError("CONFLICT", "Listing refused: a security criterion is not met.", {
            messageKey: "catalogue.curation.errors.securityNotMet",
            messageValues: { criteria: blocker.failed.join(", ") },
          });
      }
      const now = clock();
      await tx.catalogApp.update({
        where: { id: appId },
        data: { status, statusReason: reason, statusChangedAt: now },
        select: { id: true },
      });
      const decisionRow = await tx.catalogDecision.create({
        data: { appId, status, reason, actorId: staff.userId, actorLabel: CURATION_TEAM_LABEL, createdAt: now },
        select: { id: true },
      });
      let ended = 0;
      if (endsAccess(decision)) {
        await tx.oAuthToken.updateMany({ where: { revokedAt: null, connection: { appId } }, data: { revokedAt: now } });
        ended = (
          await tx.appConnection.updateMany({
            where: { appId, revokedAt: null },
            data: { revokedAt: now, endedByDecisionId: decisionRow.id },
          })
        ).count;
        if (ended > 0) await tellPatients(tx);
      }
      await recordStaffAction(tx, {
        staff,
        action: "CATALOG_APP_STATUS_CHANGED",
        target: { appId, label: app.name },
        reason,
        details: { from: app.status, to: status, notifiedPatients: ended },
        ipAddress: ip,
      });
      return { status, notifiedPatients: ended };
    },
    { timeout: DECISION_TIMEOUT_MS },
  );
  return outcome;
}
