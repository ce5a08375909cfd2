import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { authorizeHealth } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";

export type AlertView = {
  id: string;
  kind: NotificationKind;
  actorLabel: string;
  historyEntryId: string | null;
  ticketId: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** The patient's alerts, unread first, then newest first. Like the history, the patient's alone. */
export async function listAlerts(
  { db, actor }: SignedInCtx,
  { patientId, take = 100 }: { patientId: string; take?: number },
): Promise<AlertView[]> {
  await authorizeHealth(db, actor, patientId, { kind: "history" }, "read");
  const rows = await db.notification.findMany({
    where: { userId: patientId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, actorLabel: true, historyEntryId: true, ticketId: true, createdAt: true, readAt: true },
  });
  return [...rows.filter((row) => !row.readAt), ...rows.filter((row) => row.readAt)];
}
