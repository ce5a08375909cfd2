import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a catalogue card shows: the search results, nothing of the app's file. */
export const catalogueCardSelect = {
  id: true,
  slug: true,
  name: true,
  publisher: true,
  theme: true,
  summaryFr: true,
  summaryEn: true,
  logoPath: true,
  medicalDevice: true,
  connectedDevice: true,
  priceModel: true,
  regions: true,
  requestedScopes: true,
  status: true,
} as const satisfies Prisma.CatalogAppSelect;

export type CatalogueCard = Prisma.CatalogAppGetPayload<{ select: typeof catalogueCardSelect }>;

/**
 * An app's public page: the card and the referencing file. The curators' page starts from it too, so a
 * field added to the public file is one a curator sees before listing the app.
 */
export const publicAppSelect = {
  ...catalogueCardSelect,
  descriptionFr: true,
  descriptionEn: true,
  websiteUrl: true,
  androidUrl: true,
  iosUrl: true,
  termsUrl: true,
  contactEmail: true,
  screenshots: true,
  scopePurposes: true,
  documentCategories: true,
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
