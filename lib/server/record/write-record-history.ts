import "server-only";
import type { HistoryAction } from "@/lib/generated/prisma/client";
import { accessDetails } from "@/lib/server/access/access-history";
import type { AllowedAccess } from "@/lib/server/access/authorize-health";
import { recordProfessionalAccess } from "@/lib/server/access/record-professional-access";
import type { Tx } from "@/lib/server/db";
import { recordHistory, type HistoryActor } from "@/lib/server/history/record-history";
import type { RecordKind } from "@/lib/schemas/record-entry";

/**
 * A profile write's history entry, in the write's own transaction. The details name the kind and the
 * entry's id and, for someone else, the basis of their access — never the entry's content. A
 * professional's write goes through recordProfessionalAccess, which alerts the patient on a first
 * access; it returns the e-mail to send after the commit. `author` is read before the transaction opens
 * (historyActorForAccess), so the transaction holds no other query.
 */
export async function writeRecordHistory(
  tx: Tx,
  { access, author, ip }: { access: AllowedAccess; author: HistoryActor; ip: string | null },
  { action, kind, entryId }: { action: HistoryAction; kind: RecordKind; entryId: string },
): Promise<{ messageId: string | null }> {
  const event = {
    patientId: access.facts.patientId,
    actor: author,
    action,
    details: { kind, entryId, ...accessDetails(access) },
    ipAddress: ip,
  };
  if (access.basis === "OWNER") {
    await recordHistory(tx, event);
    return { messageId: null };
  }
  return recordProfessionalAccess(tx, event);
}
