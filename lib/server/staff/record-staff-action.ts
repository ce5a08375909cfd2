import "server-only";
import type { Prisma, StaffAction } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import type { StaffActor } from "./require-staff";

export type StaffActionEvent = {
  staff: Pick<StaffActor, "userId" | "role" | "label">;
  action: StaffAction;
  target?: { userId?: string | null; label?: string | null; appId?: string | null; ticketId?: string | null };
  /** The reason the staff member typed; mandatory for actions on an account (staffReasonSchema). */
  reason?: string | null;
  /** Facts about the action (a role, a status, a count). Never health data. */
  details?: Prisma.InputJsonObject | null;
  ipAddress?: string | null;
};

/**
 * Appends to the staff audit log inside the caller's transaction: the entry commits with the action
 * it describes, or neither does. The table is append-only (database triggers).
 */
export async function recordStaffAction(tx: Pick<Db, "staffAuditEntry">, event: StaffActionEvent): Promise<string> {
  const row = await tx.staffAuditEntry.create({
    data: {
      actorId: event.staff.userId,
      actorRole: event.staff.role,
      actorLabel: event.staff.label.slice(0, 200),
      action: event.action,
      targetUserId: event.target?.userId ?? null,
      targetLabel: event.target?.label?.slice(0, 200) ?? null,
      targetAppId: event.target?.appId ?? null,
      ticketId: event.target?.ticketId ?? null,
      reason: event.reason ?? null,
      details: event.details ?? undefined,
      ipAddress: event.ipAddress?.slice(0, 64) ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
