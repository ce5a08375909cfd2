import "server-only";
import { authorize } from "@/lib/server/policy/policy";
import type { StaffActor } from "@/lib/server/staff/require-staff";

/**
 * Every support service starts here, whoever called it (page, action, test): the person must hold
 * the support role in a full session. Patients, curators and admins get FORBIDDEN.
 */
export function assertSupportAgent(staff: StaffActor): void {
  authorize(staff.actor, "support:accounts");
}
