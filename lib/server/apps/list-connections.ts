import "server-only";
import type { CatalogAppStatus, DocumentCategory, Prisma } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizePatient } from "./patient-context";
import { newlyAsked, reconsentAppSelect, reconsentConnectionSelect } from "./reconsent";

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
  /** What the app now asks beyond the patient's answers (reconsent.ts): empty unless it awaits their consent. */
  asks: { scopes: string[]; categories: DocumentCategory[] };
};

const columns = {
  ...reconsentConnectionSelect,
  id: true,
  connectedAt: true,
  lastUsedAt: true,
  app: {
    select: {
      ...reconsentAppSelect,
      slug: true,
      name: true,
      publisher: true,
      statusReason: true,
    },
  },
} as const satisfies Prisma.AppConnectionSelect;

/** The patient's connections in force (a suspended app's too: they should see it and why), newest first. */
export async function listConnections(ctx: SignedInCtx): Promise<ConnectionSummary[]> {
  const { patientId } = await authorizePatient(ctx, "health:read-own");
  const { db } = ctx;
  const rows = await db.appConnection.findMany({
    where: { patientId, revokedAt: null },
    orderBy: [{ connectedAt: "desc" }, { id: "asc" }],
    select: columns,
  });
  return rows.map(summary);
}

/** One connection in force, by the app's slug; null when there is none. */
export async function findConnection(ctx: SignedInCtx, { slug }: { slug: string }): Promise<ConnectionSummary | null> {
  const { patientId } = await authorizePatient(ctx, "health:read-own");
  const { db } = ctx;
  const row = await db.appConnection.findFirst({
    where: { patientId, revokedAt: null, app: { slug: slug.slice(0, 80) } },
    select: columns,
  });
  return row && summary(row);
}

type Row = Prisma.AppConnectionGetPayload<{ select: typeof columns }>;

function summary({ declinedScopes, declinedCategories, revokedAt, ...row }: Row): ConnectionSummary {
  return { ...row, asks: newlyAsked({ ...row, declinedScopes, declinedCategories, revokedAt }, row.app) };
}
