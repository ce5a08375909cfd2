import "server-only";
import type { HistoryAction } from "@/lib/generated/prisma/client";

/**
 * The history actions that record a read: nothing of the record changed, so the entry is appended
 * unchained (append-read-history.ts) and chained shortly after, and a read never waits for another
 * read of the same patient. Every other action changes something and extends the chain in the
 * transaction that makes the change (record-history.ts).
 */
const READ_ACTIONS = new Set<HistoryAction>([
  "DOCUMENT_VIEWED",
  "DOCUMENT_DOWNLOADED",
  "DOCUMENT_LIST_VIEWED",
  "PATIENT_LOOKED_UP",
  "PROFILE_VIEWED",
  "MEASUREMENTS_VIEWED",
]);

export function isReadAction(action: HistoryAction): boolean {
  return READ_ACTIONS.has(action);
}
