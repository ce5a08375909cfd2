import "server-only";
import { Prisma, type DocumentCategory } from "@/lib/generated/prisma/client";
import type { DocumentFacts } from "./decide-health-access";

/**
 * One condition on a document, written once in its three forms: the predicate the decision functions
 * apply to a document they hold, the Prisma `where` and the SQL fragment a list applies in the
 * database. The access rules (decide-health-access.ts, decide-app-access.ts) are built from these, so
 * a rule cannot say one thing to a reader of one document and another to a reader of the list; the
 * property tests (visible-documents.test.ts) hold all three forms to the same answer.
 */
export type DocumentCondition = {
  holds: (document: DocumentFacts & { ownerId?: string }) => boolean;
  where: Prisma.DocumentWhereInput;
  /** Over the columns of "Document", unqualified: for a query on that table alone. */
  sql: Prisma.Sql;
};

export const anyDocument: DocumentCondition = { holds: () => true, where: {}, sql: Prisma.sql`TRUE` };

export const noDocument: DocumentCondition = { holds: () => false, where: { id: { in: [] } }, sql: Prisma.sql`FALSE` };

export const notHidden: DocumentCondition = {
  holds: (document) => !document.hiddenFromProfessionals,
  where: { hiddenFromProfessionals: false },
  sql: Prisma.sql`NOT "hiddenFromProfessionals"`,
};

export const notBinned: DocumentCondition = {
  holds: (document) => !document.deletedAt,
  where: { deletedAt: null },
  sql: Prisma.sql`"deletedAt" IS NULL`,
};

export function inCategories(categories: readonly DocumentCategory[]): DocumentCondition {
  return {
    holds: (document) => categories.includes(document.category),
    where: { category: { in: [...categories] } },
    sql: Prisma.sql`category::text = ANY(${[...categories]}::text[])`,
  };
}

export function withIds(ids: readonly string[]): DocumentCondition {
  return {
    holds: (document) => ids.includes(document.id),
    where: { id: { in: [...ids] } },
    sql: Prisma.sql`id = ANY(${[...ids]}::uuid[])`,
  };
}

/** Documents of this owner. A decision is asked about one patient's document, so it holds for a document without an owner given. */
export function ownedBy(ownerId: string): DocumentCondition {
  return {
    holds: (document) => document.ownerId === undefined || document.ownerId === ownerId,
    where: { ownerId },
    sql: Prisma.sql`"ownerId" = ${ownerId}::uuid`,
  };
}

export function allOf(...conditions: DocumentCondition[]): DocumentCondition {
  if (conditions.length === 0) return anyDocument;
  return {
    holds: (document) => conditions.every((condition) => condition.holds(document)),
    where: { AND: conditions.map((condition) => condition.where) },
    sql: Prisma.sql`(${Prisma.join(
      conditions.map((condition) => condition.sql),
      " AND ",
    )})`,
  };
}

/**
 * The same idea for the "Profil médical": every record table (RecordCondition, RecordAllergy…) shares
 * `patientId` and `hiddenFromProfessionals`, so one condition filters any of them. `patientId: null`
 * is "no entry" (a where that matches nothing).
 */
export type RecordEntryCondition = {
  holds: (entry: { patientId?: string; hiddenFromProfessionals: boolean }) => boolean;
  where: { patientId: string; hiddenFromProfessionals?: false } | { id: { in: [] } };
};

export function recordEntriesOf(patientId: string | null, { includeHidden = false } = {}): RecordEntryCondition {
  if (patientId === null) return { holds: () => false, where: { id: { in: [] } } };
  return {
    holds: (entry) => (entry.patientId === undefined || entry.patientId === patientId) && (includeHidden || !entry.hiddenFromProfessionals),
    where: includeHidden ? { patientId } : { patientId, hiddenFromProfessionals: false },
  };
}
