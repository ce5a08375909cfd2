import "server-only";
import { z } from "zod";
import type { AccountStatus, Prisma, Role } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { consumeRateLimit } from "@/lib/server/rate-limit/consume-rate-limit";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { parseAccountQuery, type AccountQuery } from "./account-identifier";
import { assertSupportAgent } from "./support-agent";

export const SEARCH_RESULT_LIMIT = 50;

/**
 * Generous for an agent on the phone, useless for someone walking the table: an account search
 * reveals who has a space, so it is counted per agent.
 */
export const SEARCH_RATE_LIMIT = { limit: 60, windowSeconds: 10 * 60 } as const;

export const searchAccountsSchema = z.object({ query: z.string().max(254) });

/** Prisma's startsWith/contains become LIKE without escaping: a typed "%" or "_" must stay a character. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function whereOf(query: AccountQuery): Prisma.UserWhereInput {
  switch (query.kind) {
    case "id":
      return { id: query.id };
    case "nir":
      // A declared NIR is only a claim, but the person on the phone may give the one they typed.
      return { OR: [{ declaredNir: query.nir }, { identityQualification: { nir: query.nir } }] };
    case "spaceCode":
      return { spaceCode: query.spaceCode };
    case "email":
      // Addresses are stored lower-cased: a prefix match on the index, exact address included.
      return { email: { startsWith: likeLiteral(query.prefix) } };
    case "name": {
      const byName: Prisma.UserWhereInput = {
        AND: query.words.map((word) => ({
          OR: [
            { firstName: { contains: likeLiteral(word), mode: "insensitive" as const } },
            { lastName: { contains: likeLiteral(word), mode: "insensitive" as const } },
          ],
        })),
      };
      return query.emailPrefix ? { OR: [byName, { email: { startsWith: likeLiteral(query.emailPrefix) } }] } : byName;
    }
  }
}

export type AccountSearchResult = {
  kind: AccountQuery["kind"] | null;
  accounts: { id: string; firstName: string; lastName: string; email: string; status: AccountStatus; createdAt: Date; roles: Role[] }[];
  /** More than SEARCH_RESULT_LIMIT matched: the agent should narrow the search. */
  truncated: boolean;
};

/**
 * The account search of the support pages: by account id, NIR, space code, e-mail (prefix) or name.
 * Answers account metadata only. Not written to the staff audit log (opening an account is).
 */
export async function searchAccounts(
  { db }: Ctx,
  { staff, ...input }: z.input<typeof searchAccountsSchema> & { staff: StaffActor },
): Promise<AccountSearchResult> {
  assertSupportAgent(staff);
  const { query } = searchAccountsSchema.parse(input);
  const parsed = parseAccountQuery(query);
  if (!parsed) return { kind: null, accounts: [], truncated: false };
  const limit = await consumeRateLimit(db, { key: `supportSearch:staff:${staff.userId}`, ...SEARCH_RATE_LIMIT });
  if (!limit.allowed) {
    throw new AppError("RATE_LIMITED", "Too many account searches.", {
      messageKey: "support.search.rateLimited",
      messageValues: { minutes: Math.ceil(limit.retryAfterSeconds / 60) },
    });
  }
  const rows = await db.user.findMany({
    where: whereOf(parsed),
    select: { id: true, firstName: true, lastName: true, email: true, status: true, createdAt: true, roles: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: SEARCH_RESULT_LIMIT + 1,
  });
  return { kind: parsed.kind, accounts: rows.slice(0, SEARCH_RESULT_LIMIT), truncated: rows.length > SEARCH_RESULT_LIMIT };
}
