import "server-only";
import type { AccountStatus, HistoryAction, Locale, Prisma, Role, SecurityEventKind, StaffAction } from "@/lib/generated/prisma/client";
import type { Deliver } from "@/lib/server/auth/security-settings/deliver";
import { recordSecurityEvent } from "@/lib/server/auth/record-security-event";
import type { Db, Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordHistory } from "@/lib/server/history/record-history";
import { afterCommitDeliver } from "@/lib/server/messaging/deliver-soon";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { assertSupportAgent } from "./support-agent";

/** The account an action is about, as the change needs it. */
export type SupportTarget = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
  emailVerifiedAt: Date | null;
};

/** What the change reports back: facts for the staff audit log, mails to hand to the relay after commit. */
export type ChangeOutcome = { details?: Prisma.InputJsonObject; messageIds?: string[] };

export type AccountActionKinds = {
  staffAction: StaffAction;
  historyAction: HistoryAction;
  /** Null when no kind of the account's security history fits (the confirmation resent). */
  securityEvent: SecurityEventKind | null;
};

const STAFF_ROLES: Role[] = ["SUPPORT", "CURATOR", "ADMIN"];

/**
 * Runs one support action on an account: the change, the staff audit entry (with the reason), the
 * account's security event and the entry in the person's own access history, all in ONE transaction,
 * so none of them exists without the others. Mails queued by the change go out after commit.
 *
 * Refused: anyone without the support role (FORBIDDEN), one's own account (an agent does not unlock
 * or reset themself), and — for `notOnStaff` actions — another staff member's account, which an
 * admin handles: resetting a colleague's factor or disabling them is a way to take over or knock
 * out a staff account.
 */
export async function actOnAccount(
  db: Db,
  staff: StaffActor,
  {
    userId,
    reason,
    ipAddress = null,
    kinds,
    notOnStaff = false,
    deliver = afterCommitDeliver,
  }: { userId: string; reason: string; ipAddress?: string | null; kinds: AccountActionKinds; notOnStaff?: boolean; deliver?: Deliver },
  change: (tx: Tx, target: SupportTarget) => Promise<ChangeOutcome | void>,
): Promise<void> {
  assertSupportAgent(staff);
  if (userId === staff.userId)
    throw new AppError("FORBIDDEN", "Support cannot act on their own account.", { messageKey: "support.actions.ownAccount" });

  const messageIds = await db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, firstName: true, lastName: true, locale: true, status: true, roles: true, emailVerifiedAt: true },
    });
    if (!target) throw new AppError("NOT_FOUND", "No such account.");
    if (notOnStaff && target.roles.some((role) => STAFF_ROLES.includes(role))) {
      throw new AppError("FORBIDDEN", "Support cannot do this to a staff account.", { messageKey: "support.actions.staffAccount" });
    }
    const outcome = (await change(tx, target)) ?? {};
    await recordStaffAction(tx, {
      staff,
      action: kinds.staffAction,
      target: { userId, label: `${target.firstName} ${target.lastName}` },
      reason,
      details: outcome.details ?? null,
      ipAddress,
    });
    // The person's own records name "Support", not the agent, and carry no address of the support
    // office: the staff audit log keeps who and from where.
    if (kinds.securityEvent) await recordSecurityEvent(tx, { userId, kind: kinds.securityEvent });
    await recordHistory(tx, {
      patientId: userId,
      actor: { userId: staff.userId, role: "SUPPORT", label: "Support" },
      action: kinds.historyAction,
      details: { reason },
    });
    return outcome.messageIds ?? [];
  });
  for (const id of messageIds) deliver(id);
}
