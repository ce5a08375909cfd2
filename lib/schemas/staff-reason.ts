import { z } from "zod";

/**
 * The reason every staff action on an account must carry: long enough to say something to whoever
 * reads the audit log later. Messages are i18n keys.
 */
export const staffReason = z.string().trim().min(10, "admin.reason.tooShort").max(1000, "admin.reason.tooLong");
