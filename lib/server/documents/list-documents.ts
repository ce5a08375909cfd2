import "server-only";
import { Prisma, type Document } from "@/lib/generated/prisma/client";
import { authorizeHealth, type AllowedAccess } from "@/lib/server/access/authorize-health";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import type { DocumentListQuery, DocumentPage } from "@/lib/vault/document-api";
import { documentListQuerySchema } from "@/lib/vault/document-api";
import { keyset, type KeyKind, type KeyOf, type Keyset } from "@/lib/server/paging/keyset";
import { toSummary, type summaryColumns } from "./document-views";

type Row = Pick<Document, keyof typeof summaryColumns>;

function documentSort<K extends KeyKind>(paging: Keyset<K>, column: Prisma.Sql, keyOf: (row: Row) => KeyOf<K>) {
  return {
    order: paging.orderSql(column),
    after: (cursor: string | undefined) => paging.sql(column, paging.decode(cursor)),
    take: paging.take,
    page: (rows: Row[], limit: number) => paging.page(rows, limit, keyOf),
  };
}

const dayOf = (row: Row) => row.documentDate.toISOString().slice(0, 10);

/** The list's three orders, each along its index, each with its own cursors (one of another order is refused). */
const SORTS = {
  date_desc: documentSort(keyset({ key: "day", order: "desc", sort: "date_desc", name: "document" }), Prisma.sql`"documentDate"`, dayOf),
  date_asc: documentSort(keyset({ key: "day", order: "asc", sort: "date_asc", name: "document" }), Prisma.sql`"documentDate"`, dayOf),
  added_desc: documentSort(
    keyset({ key: "instant", order: "desc", sort: "added_desc", name: "document" }),
    Prisma.sql`"createdAt"`,
    (row) => row.createdAt,
  ),
};

/**
 * One page of the owner's documents (or of their bin), filtered and sorted, with keyset pagination:
 * each page continues after the last row of the previous one, so page 400 costs what page 1 does
 * (the (ownerId, documentDate, id) and (ownerId, createdAt, id) indexes serve the sorts). The text
 * search uses PostgreSQL's French configuration over title, note and the PDF's text (the generated,
 * GIN-indexed searchVector column); it filters, the chosen sort still orders.
 */
export async function listDocuments(
  ctx: SignedInCtx,
  { ownerId, query }: { ownerId: string; query: DocumentListQuery },
): Promise<DocumentPage> {
  const access = await authorizeHealth(ctx.db, ctx.actor, ownerId, { kind: "documentList" }, "read");
  return listDocumentsWithAccess(ctx, { ownerId, query, access });
}

/**
 * The list itself, for an access already decided (the professional space records the list view in the
 * history with the same decision). Anyone but the owner sees only what the decision covers: never a
 * hidden document nor the bin, and under a consent only its categories or chosen documents.
 */
export async function listDocumentsWithAccess(
  { db }: SignedInCtx,
  { ownerId, query, access }: { ownerId: string; query: DocumentListQuery; access: AllowedAccess },
): Promise<DocumentPage> {
  const q = documentListQuerySchema.parse(query);
  if (access.basis !== "OWNER" && q.bin) throw new AppError("FORBIDDEN", "The bin is the patient's alone.");
  // What the reader may see is the authorization module's to say (the same rule that decides one document).
  const conditions: Prisma.Sql[] = [Prisma.sql`"ownerId" = ${ownerId}::uuid`, access.visibleDocuments.sql];
  conditions.push(q.bin ? Prisma.sql`"deletedAt" IS NOT NULL` : Prisma.sql`"deletedAt" IS NULL`);
  if (q.category) conditions.push(Prisma.sql`category = ${q.category}::"DocumentCategory"`);
  if (q.author) conditions.push(Prisma.sql`"authorKind" = ${q.author}::"AuthorKind"`);
  if (q.from) conditions.push(Prisma.sql`"documentDate" >= ${q.from}::date`);
  if (q.to) conditions.push(Prisma.sql`"documentDate" <= ${q.to}::date`);
  if (q.pinned) conditions.push(Prisma.sql`pinned`);
  if (q.q) conditions.push(Prisma.sql`"searchVector" @@ websearch_to_tsquery('french'::regconfig, ${q.q})`);

  const sort = SORTS[q.sort];
  conditions.push(sort.after(q.cursor));

  const rows = await db.$queryRaw<Row[]>`
    SELECT id, title, category, "documentDate", "authorKind", "authorLabel", "createdAt", pinned,
           "hiddenFromProfessionals", "mimeType", "sizeBytes", "deletedAt"
    FROM "Document"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sort.order}
    LIMIT ${sort.take(q.limit)}`;
  const { items, nextCursor } = sort.page(rows, q.limit);
  return { items: items.map(toSummary), nextCursor };
}
