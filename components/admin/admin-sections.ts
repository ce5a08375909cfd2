import { SECTIONS, type NavSection } from "@/lib/navigation/sections";

/**
 * The staff pages: the "staff" group of the navigation's one list (lib/navigation/sections.ts), so a
 * staff page added there appears in the shell, the admin links and the admin home at once. Each is
 * behind one staff permission (the pages check it themselves); labels and hints are under
 * admin.sections and admin.sectionHints by the section's id.
 */
export type AdminSection = Extract<NavSection, { group: "staff" }>;

export const ADMIN_SECTIONS: readonly AdminSection[] = SECTIONS.filter((section): section is AdminSection => section.group === "staff");

export type AdminSectionKey = AdminSection["id"];
