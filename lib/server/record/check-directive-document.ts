import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/**
 * Advance directives point at a vault document: it must be this patient's, of category
 * ADVANCE_DIRECTIVES and out of the bin. Anything else is refused on the form's field, as if the
 * document did not exist (an id of someone else's document says nothing about it).
 */
export async function checkDirectiveDocument(db: Db, patientId: string, documentId: string | null): Promise<void> {
  if (!documentId) return;
  const document = await db.document.findFirst({
    where: { id: documentId, ownerId: patientId, category: "ADVANCE_DIRECTIVES", deletedAt: null },
    select: { id: true },
  });
  if (!document)
    throw new AppError("BAD_REQUEST", "Not an advance-directives document of this patient.", {
      messageKey: "record.errors.document",
      field: "documentId",
    });
}
