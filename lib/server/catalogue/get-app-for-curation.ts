import "server-only";
import type { Db } from "@/lib/server/db";

/** Everything a curator needs to judge one app: its file, checklist, decisions and open reports. */
export async function getAppForCuration(db: Pick<Db, "catalogApp" | "appConnection">, appId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(appId)) return null;
  const app = await db.catalogApp.findUnique({
    where: { id: appId },
    select: {
      id: true,
      slug: true,
      name: true,
      publisher: true,
      theme: true,
      summaryFr: true,
      descriptionFr: true,
      websiteUrl: true,
      androidUrl: true,
      iosUrl: true,
      termsUrl: true,
      contactEmail: true,
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
      createdAt: true,
      reviews: { select: { criterion: true, outcome: true, note: true, reviewedAt: true } },
      decisions: {
        select: { id: true, status: true, reason: true, actorLabel: true, createdAt: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      },
      reports: {
        where: { resolvedAt: null },
        select: { id: true, reason: true, message: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      clients: {
        select: { id: true, clientId: true, type: true, redirectUris: true, revokedAt: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!app) return null;
  // How many patients a suspension would reach: a count, never who.
  const connectedPatients = await db.appConnection.count({ where: { appId, revokedAt: null } });
  return { ...app, connectedPatients };
}
export type AppForCuration = NonNullable<Awaited<ReturnType<typeof getAppForCuration>>>;
