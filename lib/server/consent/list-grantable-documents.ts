import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { Db } from "@/lib/server/db";
import type { ConsentContext } from "./consent-context";

export type GrantableDocument = { id: string; title: string; category: DocumentCategory; documentDate: Date; hiddenFromProfessionals: boolean };

/** The patient's own documents outside the bin, for the "chosen documents" checklist of a grant. */
export async function listGrantableDocuments(db: Db, context: ConsentContext): Promise<GrantableDocument[]> {
  await authorizeHealth(db, context.actor, context.patientId, { kind: "consent" }, "manage");
  await authorizeHealth(db, context.actor, context.patientId, { kind: "documentList" }, "read");
  return db.document.findMany({
    where: { ownerId: context.patientId, deletedAt: null },
    orderBy: [{ documentDate: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, title: true, category: true, documentDate: true, hiddenFromProfessionals: true },
  });
}
