import "server-only";
import { PUBLIC_STATUSES } from "@/lib/catalogue/app-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

const publicAppSelect = {
  id: true,
  slug: true,
  name: true,
  publisher: true,
  theme: true,
  summaryFr: true,
  summaryEn: true,
  descriptionFr: true,
  descriptionEn: true,
  websiteUrl: true,
  androidUrl: true,
  iosUrl: true,
  termsUrl: true,
  contactEmail: true,
  logoPath: true,
  screenshots: true,
  medicalDevice: true,
  connectedDevice: true,
  priceModel: true,
  regions: true,
  requestedScopes: true,
  scopePurposes: true,
  documentCategories: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
  // The referencing file: curators' notes and decisions are public by design; who exactly decided is
  // in the staff audit log, not here (reviewerId and actorId are left out).
  reviews: { select: { criterion: true, outcome: true, note: true, reviewedAt: true } },
  decisions: {
    select: { id: true, status: true, reason: true, actorLabel: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.CatalogAppSelect;

export type PublicApp = Prisma.CatalogAppGetPayload<{ select: typeof publicAppSelect }>;

/** An app's public page, or null when the public may not see it (submitted, refused, unknown). */
export async function getPublicApp(db: Pick<Db, "catalogApp">, slug: string): Promise<PublicApp | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return db.catalogApp.findFirst({ where: { slug, status: { in: [...PUBLIC_STATUSES] } }, select: publicAppSelect });
}
