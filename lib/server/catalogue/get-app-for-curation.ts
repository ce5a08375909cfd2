import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { publicAppSelect } from "./app-select";

/** The public file, newest decision first, with what only curators see: open reports and OAuth clients. */
const curationAppSelect = {
  ...publicAppSelect,
  createdAt: true,
  decisions: { ...publicAppSelect.decisions, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  reports: {
    where: { resolvedAt: null },
    select: { id: true, reason: true, message: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
  clients: {
    select: { id: true, clientId: true, type: true, redirectUris: true, revokedAt: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.CatalogAppSelect;

export type AppForCuration = Prisma.CatalogAppGetPayload<{ select: typeof curationAppSelect }> & { connectedPatients: number };

/** Everything a curator needs to judge one app: its file, checklist, decisions and open reports. */
export async function getAppForCuration({ db }: Ctx, { appId }: { appId: string }): Promise<AppForCuration | null> {
  if (!/^[0-9a-f-]{36}$/i.test(appId)) return null;
  const app = await db.catalogApp.findUnique({ where: { id: appId }, select: curationAppSelect });
  if (!app) return null;
  // How many patients a suspension would reach: a count, never who.
  const connectedPatients = await db.appConnection.count({ where: { appId, revokedAt: null } });
  return { ...app, connectedPatients };
}
