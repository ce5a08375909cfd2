import "server-only";
import type { HistoryAction } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { historyActorOf } from "@/lib/server/history/history-actor";
import { recordHistory } from "@/lib/server/history/record-history";
import { authorize } from "@/lib/server/policy/policy";
import { documentBulkSchema, type DocumentBulkInput } from "@/lib/vault/document-api";

/**
 * One change to several of the patient's documents at once, all or nothing. Ids that are not the
 * patient's (or not in the state the action applies to) are left out silently, as a single id
 * would be "not found": the answer says how many were changed.
 */
export async function bulkUpdateDocuments(
  { db, actor, ip: ipAddress }: SignedInCtx,
  input: DocumentBulkInput,
): Promise<{ updated: number }> {
  const bulk = documentBulkSchema.parse(input);
  authorize(actor, "health:write-own", { ownerId: actor?.userId });
  const ownerId = actor!.userId;
  const historyActor = await historyActorOf(db, actor, "PATIENT");

  const scope: Prisma.DocumentWhereInput = { id: { in: bulk.ids }, ownerId };
  let where: Prisma.DocumentWhereInput;
  let data: Prisma.DocumentUpdateManyMutationInput;
  let action: HistoryAction;
  switch (bulk.action) {
    case "setCategory":
      where = { ...scope, deletedAt: null, category: { not: bulk.category } };
      data = { category: bulk.category };
      action = "DOCUMENT_EDITED";
      break;
    case "hide":
    case "unhide":
      where = { ...scope, deletedAt: null, hiddenFromProfessionals: bulk.action === "unhide" };
      data = { hiddenFromProfessionals: bulk.action === "hide" };
      action = bulk.action === "hide" ? "DOCUMENT_HIDDEN" : "DOCUMENT_UNHIDDEN";
      break;
    case "bin":
      where = { ...scope, deletedAt: null };
      data = { deletedAt: new Date() };
      action = "DOCUMENT_BINNED";
      break;
    case "restore":
      where = { ...scope, deletedAt: { not: null } };
      data = { deletedAt: null };
      action = "DOCUMENT_RESTORED";
      break;
  }

  return db.$transaction(async (tx) => {
    // Lock the rows first, so the history names exactly the documents the update changes.
    const targets = await tx.document.findMany({ where, select: { id: true, title: true }, orderBy: { id: "asc" } });
    if (targets.length === 0) return { updated: 0 };
    await tx.$executeRaw`SELECT 1 FROM "Document" WHERE id = ANY(${targets.map((t) => t.id)}::uuid[]) FOR UPDATE`;
    const updated = await tx.document.updateMany({ where: { ...where, id: { in: targets.map((t) => t.id) } }, data });
    await recordHistory(
      tx,
      targets.map((target) => ({
        patientId: ownerId,
        actor: historyActor,
        action,
        document: target,
        details: action === "DOCUMENT_EDITED" ? { fields: ["category"], bulk: true } : { bulk: true },
        ipAddress,
      })),
    );
    return { updated: updated.count };
  });
}
