import "server-only";
import { dataUseSchema } from "@/lib/catalogue/data-use-schema";
import type { Ctx } from "@/lib/server/context/ctx";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { awaitingReconsentWhere, reconsentAppSelect } from "@/lib/server/apps/reconsent";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { CURATION_TEAM_LABEL } from "./curation-team";
import { sendReconsentNoticesSoon } from "./reconsent-notices";

/** `awaitingPatients`: the connections this change left asking for more than their patient answered, who are being told. */
export type DataUseOutcome = { awaitingPatients: number };

const minus = <T>(a: readonly T[], b: readonly T[]) => a.filter((item) => !b.includes(item));

/**
 * A curator changes what an app asks for (its scopes, their purposes and optionality, its document
 * categories) with a public reason: a new referenced version, in one transaction under the app's row
 * lock, recorded as a decision on its referencing file (its status unchanged) and in the staff audit
 * log. Nothing is granted by it: connections keep their scopes and tokens work within them. The
 * connections that now await their patient's consent and did not before (reconsent.ts) are marked
 * with the decision, and a job enqueued in the same transaction tells each patient once.
 */
export async function changeAppDataUse(
  { db, ip, now: clock }: Ctx,
  { staff, input }: { staff: StaffActor; input: unknown },
  { tellPatients = sendReconsentNoticesSoon }: { tellPatients?: (tx: Pick<Tx, "$executeRaw">) => unknown } = {},
): Promise<DataUseOutcome> {
  const { appId, scopes, purposes, categories, reason } = dataUseSchema.parse(input);
  const scopePurposes = Object.fromEntries(
    scopes
      .filter((scope) => purposes[scope]?.fr)
      .map((scope) => [
        scope,
        { fr: purposes[scope].fr, en: purposes[scope].en ?? purposes[scope].fr, optional: purposes[scope].optional },
      ]),
  );
  return db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "CatalogApp" WHERE "id" = ${appId}::uuid FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", "Catalogue app not found for a data-use change.");
      const before = await tx.catalogApp.findUniqueOrThrow({ where: { id: appId }, select: { ...reconsentAppSelect, name: true } });
      const now = clock();
      const after = await tx.catalogApp.update({
        where: { id: appId },
        data: { requestedScopes: scopes, scopePurposes, documentCategories: categories },
        select: reconsentAppSelect,
      });
      const decision = await tx.catalogDecision.create({
        data: { appId, status: before.status, reason, actorId: staff.userId, actorLabel: CURATION_TEAM_LABEL, createdAt: now },
        select: { id: true },
      });
      // Only those the change itself leaves waiting: a patient already asked about an earlier change is not told twice.
      const { count } = await tx.appConnection.updateMany({
        where: { AND: [awaitingReconsentWhere(after), { NOT: awaitingReconsentWhere(before) }] },
        data: { reconsentDecisionId: decision.id },
      });
      if (count > 0) await tellPatients(tx);
      await recordStaffAction(tx, {
        staff,
        action: "CATALOG_APP_DATA_USE_CHANGED",
        target: { appId, label: before.name },
        reason,
        details: {
          scopesAdded: minus(scopes, before.requestedScopes),
          scopesRemoved: minus(before.requestedScopes, scopes),
          categoriesAdded: minus(categories, before.documentCategories),
          categoriesRemoved: minus(before.documentCategories, categories),
          awaitingPatients: count,
        },
        ipAddress: ip,
      });
      return { awaitingPatients: count };
    },
    { timeout: 60_000 },
  );
}
