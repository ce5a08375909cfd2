import "server-only";
import { z } from "zod";
import type { ConsentChange } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { authorizeConsent } from "./consent-context";
import type { ReceiptSnapshot } from "./consent-record";

export type Receipt = { id: string; change: ConsentChange; createdAt: Date; snapshot: ReceiptSnapshot };

/**
 * One receipt, for its patient only. Anyone else — another patient, a professional, support — gets
 * NOT_FOUND, as for an id that does not exist, so receipts cannot be probed.
 */
export async function getReceipt(ctx: SignedInCtx, input: { patientId: string; receiptId: string }): Promise<Receipt> {
  const parsed = z.object({ receiptId: z.uuid() }).safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  try {
    await authorizeConsent(ctx, input.patientId);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") throw new AppError("NOT_FOUND");
    throw error;
  }
  const receipt = await ctx.db.consentReceipt.findFirst({
    where: { id: parsed.data.receiptId, patientId: input.patientId },
    select: { id: true, change: true, createdAt: true, snapshot: true },
  });
  if (!receipt) throw new AppError("NOT_FOUND");
  return { ...receipt, snapshot: receipt.snapshot as unknown as ReceiptSnapshot };
}
