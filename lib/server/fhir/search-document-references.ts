import "server-only";
import type { Bundle, DocumentReference } from "@medplum/fhirtypes";
import type { DocumentCategory, Prisma } from "@/lib/generated/prisma/client";
import { authorizeApp } from "@/lib/server/access/authorize-app";
import { appVisibleDocuments, decideAppAccess } from "@/lib/server/access/decide-app-access";
import type { Ctx } from "@/lib/server/context/ctx";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { keyset } from "@/lib/server/paging/keyset";
import { appDocumentSelect, authorDisplayOf } from "./find-app-document";
import { documentCategorySystem, searchUrl } from "./fhir-urls";
import { recordAppAccessNow } from "./record-app-access";
import { parseDateParams, tokenCodes } from "./search-params";
import { pageSize, searchset } from "./searchset";
import { toDocumentReference } from "./to-document-reference";

const paging = keyset({ key: "instant", order: "desc", name: "DocumentReference", field: "_cursor" });

/**
 * `GET DocumentReference`: the token's patient's documents the app may read, newest added first, with
 * keyset paging (`_cursor`, as the vault's own list: page 40 costs what page 1 does). The database
 * already leaves out what the app may not read (appVisibleDocuments: hidden and binned documents, the
 * categories the patient did not share); each row is then decided again by the authorization module,
 * as every reader of a document is. The list view is in the patient's history before the page is returned
 * (appended unchained: it waits for no other read of this patient).
 */
export async function searchDocumentReferences(
  { db, ip: ipAddress }: Ctx,
  { access, params }: { access: AppAccess; params: URLSearchParams },
): Promise<Bundle<DocumentReference>> {
  authorizeApp(access, access.patientId, { kind: "documentList" }, "read");
  const count = pageSize(params);
  const requested = params.getAll("category");
  const dates = params.getAll("date");
  const wanted = requested.length ? tokenCodes(requested, documentCategorySystem()) : null;
  const bound = parseDateParams(dates);

  // What the app may see is the authorization module's filter; the search parameters only narrow it.
  const where: Prisma.DocumentWhereInput = {
    AND: [
      appVisibleDocuments(access).where,
      wanted ? { category: { in: access.categories.filter((category) => wanted.includes(category)) as DocumentCategory[] } } : {},
      bound.gte || bound.lt ? { createdAt: { ...(bound.gte ? { gte: bound.gte } : {}), ...(bound.lt ? { lt: bound.lt } : {}) } } : {},
    ],
  };
  const cursorParam = params.get("_cursor");
  const rows = await db.document.findMany({
    where: { AND: [where, paging.where("createdAt", paging.decode(cursorParam))] },
    select: appDocumentSelect,
    orderBy: paging.orderBy("createdAt"),
    take: paging.take(count),
  });
  const { items, next } = paging.page(rows, count, (row) => row.createdAt);
  // Bundle.total only when the first page holds every match: counting a whole record on every page
  // read cost more than the page itself. Absent otherwise, as the CapabilityStatement says.
  const total = !cursorParam && !next ? items.length : undefined;
  const page = items.filter((row) => decideAppAccess(access, row.ownerId, { kind: "document", document: row }, "read").allowed);

  await recordAppAccessNow(db, access, { action: "DOCUMENT_LIST_VIEWED", details: { resource: "DocumentReference" }, ipAddress });

  const base = { category: requested.length ? requested : undefined, date: dates.length ? dates : undefined, _count: String(count) };
  return searchset({
    resources: page.map(({ addedBy, ...row }) =>
      toDocumentReference({ ...row, authorDisplay: authorDisplayOf({ authorLabel: row.authorLabel, addedBy }) }),
    ),
    total,
    self: searchUrl("DocumentReference", { ...base, _cursor: cursorParam ?? undefined }),
    next: next ? searchUrl("DocumentReference", { ...base, _cursor: paging.encode(next) }) : null,
  });
}
