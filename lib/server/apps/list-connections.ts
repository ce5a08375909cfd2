import "server-only";
import type { CatalogAppStatus, DocumentCategory } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizePatient } from "./patient-context";

export type ConnectionSummary = {
  id: string;
  scopes: string[];
  categories: DocumentCategory[];
  connectedAt: Date;
  lastUsedAt: Date | null;
  app: {
    id: string;
    slug: string;
    name: string;
    publisher: string;
    status: CatalogAppStatus;
    statusReason: string | null;
    scopePurposes: unknown;
    documentCategories: DocumentCategory[];
  };
};

const columns = {
  id: true,
  scopes: true,
  categories: true,
  connectedAt: true,
  lastUsedAt: true,
  app: {
    select: {
      id: true,
      slug: true,
      name: true,
      publisher: true,
      status: true,
      statusReason: true,
      scopePurposes: true,
      documentCategories: true,
    },
  },
} as const;

/** The patient's connections in force (a suspended app's too: they should see it and why), newest first. */
export async function listConnections(ctx: SignedInCtx): Promise<ConnectionSummary[]> {
  const { patientId } = await authorizePatient(ctx, "health:read-own");
  const { db } = ctx;
  return db.appConnection.findMany({
    where: { patientId, revokedAt: null },
    orderBy: [{ connectedAt: "desc" }, { id: "asc" }],
    select: columns,
  });
}

/** One connection in force, by the app's slug; null when there is none. */
export async function findConnection(ctx: SignedInCtx, { slug }: { slug: string }): Promise<ConnectionSummary | null> {
  const { patientId } = await authorizePatient(ctx, "health:read-own");
  const { db } = ctx;
  return db.appConnection.findFirst({ where: { patientId, revokedAt: null, app: { slug: slug.slice(0, 80) } }, select: columns });
}
