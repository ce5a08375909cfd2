import "server-only";
import { directoryQuerySchema, type DirectoryQuery } from "@/lib/consent/access-schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorizeConsent, type ProfessionalSummary } from "./consent-context";

/**
 * Accent folding without the `unaccent` extension (PGlite has none): SQL's translate() maps the
 * accented Latin letters French names use to their base letter, hyphens to spaces, then lower() (ASCII
 * only under the C locale, hence the capitals in the map). The query is folded the same way in JS.
 */
const FOLD_MAP: Record<string, string> = {
  ...Object.fromEntries([..."ÀÂÄÁÃÅ"].map((c) => [c, "A"])),
  Ç: "C",
  ...Object.fromEntries([..."ÉÈÊË"].map((c) => [c, "E"])),
  ...Object.fromEntries([..."ÍÌÎÏ"].map((c) => [c, "I"])),
  Ñ: "N",
  ...Object.fromEntries([..."ÓÒÔÖÕ"].map((c) => [c, "O"])),
  ...Object.fromEntries([..."ÚÙÛÜ"].map((c) => [c, "U"])),
  Ý: "Y",
  ...Object.fromEntries([..."àâäáãå"].map((c) => [c, "a"])),
  ç: "c",
  ...Object.fromEntries([..."éèêë"].map((c) => [c, "e"])),
  ...Object.fromEntries([..."íìîï"].map((c) => [c, "i"])),
  ñ: "n",
  ...Object.fromEntries([..."óòôöõ"].map((c) => [c, "o"])),
  ...Object.fromEntries([..."úùûü"].map((c) => [c, "u"])),
  ...Object.fromEntries([..."ýÿ"].map((c) => [c, "y"])),
  "-": " ",
  "’": "'",
};
const FOLD_FROM = Object.keys(FOLD_MAP).join("");
const FOLD_TO = Object.values(FOLD_MAP).join("");

const folded = (column: Prisma.Sql) => Prisma.sql`lower(translate(${column}, ${FOLD_FROM}, ${FOLD_TO}))`;

export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[-’]/g, (c) => FOLD_MAP[c])
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const words = (text: string) => foldForSearch(text).split(" ").filter(Boolean);

export type DirectoryPage = { items: ProfessionalSummary[]; total: number; page: number; pageSize: number; pageCount: number };

/**
 * The directory, searched by name, profession (or specialty) and city, each word anywhere in its
 * field, whatever the case and accents ("lefevre" finds Lefèvre); sorted by name, a page at a time.
 */
export async function searchDirectory(ctx: SignedInCtx, input: DirectoryQuery & { patientId: string }): Promise<DirectoryPage> {
  const query = directoryQuerySchema.parse(input);
  const { db } = ctx;
  await authorizeConsent(ctx, input.patientId);
  const name = folded(Prisma.sql`"firstName" || ' ' || "lastName"`);
  const profession = folded(Prisma.sql`"profession" || ' ' || coalesce("specialty", '')`);
  const city = folded(Prisma.sql`"city"`);
  const conditions = [
    ...words(query.name).map((word) => Prisma.sql`${name} LIKE ${likeTerm(word)}`),
    ...words(query.profession).map((word) => Prisma.sql`${profession} LIKE ${likeTerm(word)}`),
    ...(foldForSearch(query.city) ? [Prisma.sql`${city} LIKE ${likeTerm(foldForSearch(query.city))}`] : []),
  ];
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const offset = (query.page - 1) * query.pageSize;
  const [items, [{ total }]] = await Promise.all([
    db.$queryRaw<ProfessionalSummary[]>`
      SELECT "id", "rpps", "firstName", "lastName", "profession", "specialty", "city", "emergencyStaff"
      FROM "Professional" ${where}
      ORDER BY ${folded(Prisma.sql`"lastName"`)}, ${folded(Prisma.sql`"firstName"`)}, "id"
      LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "Professional" ${where}`,
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}
