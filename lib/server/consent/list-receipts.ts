import "server-only";
import type { ConsentChange } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { authorizeConsent, type ConsentContext } from "./consent-context";
import type { ReceiptSnapshot } from "./consent-record";

export type ReceiptSummary = { id: string; change: ConsentChange; createdAt: Date; professionalName: string };

/** The patient's consent receipts, newest first, named by the professional as they were then. */
export async function listReceipts(db: Db, context: ConsentContext, { limit = 50 }: { limit?: number } = {}): Promise<ReceiptSummary[]> {
  await authorizeConsent(db, context);
  const rows = await db.consentReceipt.findMany({
    where: { patientId: context.patientId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, change: true, createdAt: true, snapshot: true },
  });
  return rows.map(({ snapshot, ...row }) => {
    const { professional } = snapshot as unknown as ReceiptSnapshot;
    return { ...row, professionalName: `${professional.firstName} ${professional.lastName}` };
  });
}
