import { z } from "zod";
import { staffReason } from "@/lib/schemas/staff-reason";

/**
 * The input of every support action on an account: which account and why. z.object drops any other
 * key, so a forged `roles`, `role` or `status` in the payload never reaches a service.
 */
export const accountActionSchema = z.object({ userId: z.uuid(), reason: staffReason });

/** A ticked checkbox sends "on"; an unticked one sends nothing. */
const ticked = z.literal("on", { error: "support.reset.checklistRequired" });

/** The identity check an agent confirms, item by item, before resetting someone's second factor. */
export const resetSecondFactorSchema = accountActionSchema.extend({
  identityVerified: ticked,
  birthDateConfirmed: ticked,
  requestedByPerson: ticked,
});
