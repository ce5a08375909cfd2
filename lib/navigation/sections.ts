import type { Permission } from "@/lib/server/policy/policy";

/**
 * The signed-in navigation as data: a later issue adds a page by adding an entry here. Each entry says
 * what opening it takes, in the policy's own words, so the shell never shows a link its page would
 * refuse (lib/server/navigation/visible-sections.ts applies it). Display only: every page still checks
 * access itself, where it reads data.
 */
export type SectionGroup = "record" | "sharing" | "account" | "professional" | "staff";

/**
 * A policy permission (on the person's own resources for the health ones), or a role where the policy
 * has no permission for the space as a whole (a professional's pages check their directory record).
 */
export type SectionRequirement = { permission: Permission } | { role: "PROFESSIONAL" };

export type Section = {
  id: string;
  group: SectionGroup;
  href: string;
  requires: SectionRequirement;
  /** Among the four or five destinations of the phone's bottom bar. */
  bottomBar?: boolean;
  /** A count shown next to the label. */
  badge?: "unreadAlerts";
};

export const SECTION_GROUPS: readonly SectionGroup[] = ["record", "sharing", "account", "professional", "staff"];

export const SECTIONS = [
  { id: "home", group: "record", href: "/espace", requires: { permission: "session:full" }, bottomBar: true },
  { id: "documents", group: "record", href: "/documents", requires: { permission: "health:read-own" }, bottomBar: true },
  { id: "measurements", group: "record", href: "/mesures", requires: { permission: "health:read-own" } },
  { id: "record", group: "record", href: "/profil", requires: { permission: "health:read-own" } },
  { id: "identity", group: "record", href: "/identite", requires: { permission: "health:read-own" } },
  { id: "access", group: "sharing", href: "/acces", requires: { permission: "health:read-own" }, bottomBar: true },
  { id: "connectedApps", group: "sharing", href: "/services-connectes", requires: { permission: "health:read-own" } },
  { id: "catalogue", group: "sharing", href: "/catalogue", requires: { permission: "session:full" } },
  { id: "history", group: "sharing", href: "/historique", requires: { permission: "health:read-own" } },
  {
    id: "alerts",
    group: "account",
    href: "/alertes",
    requires: { permission: "health:read-own" },
    bottomBar: true,
    badge: "unreadAlerts",
  },
  { id: "security", group: "account", href: "/securite", requires: { permission: "account:manage-own" } },
  { id: "support", group: "account", href: "/support", requires: { permission: "support:contact" } },
  { id: "proPatients", group: "professional", href: "/pro", requires: { role: "PROFESSIONAL" }, bottomBar: true },
  { id: "adminAccounts", group: "staff", href: "/admin/comptes", requires: { permission: "support:accounts" } },
  { id: "adminTickets", group: "staff", href: "/admin/tickets", requires: { permission: "support:tickets" } },
  { id: "adminCatalogue", group: "staff", href: "/admin/catalogue", requires: { permission: "catalogue:curate" } },
  { id: "adminRoles", group: "staff", href: "/admin/roles", requires: { permission: "admin:roles" } },
  { id: "adminDashboard", group: "staff", href: "/admin/tableau-de-bord", requires: { permission: "admin:dashboard" } },
  { id: "adminAudit", group: "staff", href: "/admin/journal", requires: { permission: "admin:audit" } },
  { id: "adminJobs", group: "staff", href: "/admin/jobs", requires: { permission: "admin:dashboard" } },
] as const satisfies readonly Section[];

/** One entry of the list, its id narrowed to the known ones (each has its label in the shell messages). */
export type NavSection = (typeof SECTIONS)[number];
export type SectionId = NavSection["id"];
