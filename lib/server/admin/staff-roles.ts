import { z } from "zod";

/** The roles managed on /admin/roles. PATIENT and PROFESSIONAL come from sign-up and the directory, not from here. */
export const STAFF_ROLES = ["SUPPORT", "CURATOR", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRole = z.enum(STAFF_ROLES);
