import "server-only";
import type { ConsentChange } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizeConsent } from "./consent-context";
import type { ReceiptSnapshot } from "./consent-record";

export type ReceiptSummary = { id: string; change: ConsentChange; createdAt: Date; professionalName: string };

/** The patient's consent receipts, newest first, named by the professional as they were then. */
export async function listReceipts(
  ctx: SignedInCtx,
  { limit = 50, ...input }: { patientId: string; limit?: number },
): Promise<ReceiptSummary[]> {
  const { db } = ctx;
  const patient = await authorizeConsent(ctx, input.patientId);
  const rows = await db.consentReceipt.findMany({
    where: { patientId: patient.patientId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, change: true, createdAt: true, snapshot: true },
  });
  return rows.map(({ snapshot, ...row }) => {
    const { professional } = snapshot as unknown as ReceiptSnapshot;
    return { ...row, professionalName: `${professional.firstName} ${professional.lastName}` };
  });
}
