import "server-only";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";

export type GrantableDocument = {
  id: string;
  title: string;
  category: DocumentCategory;
  documentDate: Date;
  hiddenFromProfessionals: boolean;
};

/** The patient's own documents outside the bin, for the "chosen documents" checklist of a grant. */
export async function listGrantableDocuments(
  { db, actor }: SignedInCtx,
  { patientId }: { patientId: string },
): Promise<GrantableDocument[]> {
  await authorizeHealth(db, actor, patientId, { kind: "consent" }, "manage");
  await authorizeHealth(db, actor, patientId, { kind: "documentList" }, "read");
  return db.document.findMany({
    where: { ownerId: patientId, deletedAt: null },
    orderBy: [{ documentDate: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, title: true, category: true, documentDate: true, hiddenFromProfessionals: true },
  });
}
