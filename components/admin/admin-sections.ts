/** The admin sections, each behind one staff permission (the pages check it themselves). */
export const ADMIN_SECTIONS = [
  { key: "accounts", href: "/admin/comptes", permission: "support:accounts" },
  { key: "tickets", href: "/admin/tickets", permission: "support:tickets" },
  { key: "catalogue", href: "/admin/catalogue", permission: "catalogue:curate" },
  { key: "roles", href: "/admin/roles", permission: "admin:roles" },
  { key: "dashboard", href: "/admin/tableau-de-bord", permission: "admin:dashboard" },
  { key: "audit", href: "/admin/journal", permission: "admin:audit" },
  { key: "jobs", href: "/admin/jobs", permission: "admin:dashboard" },
] as const;

export type AdminSectionKey = (typeof ADMIN_SECTIONS)[number]["key"];
