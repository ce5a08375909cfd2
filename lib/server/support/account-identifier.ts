import { isValidNir, normalizeNir } from "@/lib/identifiers/nir";
import { normalizeSpaceCode } from "@/lib/identifiers/space-code";

/** What an agent typed in the account search, once recognised. */
export type AccountQuery =
  | { kind: "id"; id: string }
  | { kind: "nir"; nir: string }
  | { kind: "spaceCode"; spaceCode: string }
  | { kind: "email"; prefix: string }
  /** A single word may also be the beginning of an address ("jean.dupont"): both are searched. */
  | { kind: "name"; words: string[]; emailPrefix: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells the kinds of identifier apart by their shape: an account id, a NIR (checked with its key, so
 * a mistyped one finds nothing rather than someone else), a space code ("ENS-…"), an e-mail (anything
 * with "@", matched as a prefix), else a name (or, for one word, an address's beginning). Pure, so the page and the tests agree on it.
 */
export function parseAccountQuery(raw: string): AccountQuery | null {
  const query = raw.trim();
  if (query.length === 0) return null;
  if (UUID.test(query)) return { kind: "id", id: query.toLowerCase() };
  if (/^[\d\sAB]{15,21}$/i.test(query) && isValidNir(query)) return { kind: "nir", nir: normalizeNir(query) };
  // "Ens…" may also begin a name: only a well-formed code is taken as one.
  const spaceCode = /^ENS/i.test(query) ? normalizeSpaceCode(query) : null;
  if (spaceCode) return { kind: "spaceCode", spaceCode };
  if (query.includes("@")) return { kind: "email", prefix: query.toLowerCase() };
  const words = query
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 4);
  // One letter would match most of the table: a name needs two characters to be worth a search.
  if (!words.some((word) => word.length >= 2)) return null;
  return { kind: "name", words, emailPrefix: words.length === 1 ? query.toLowerCase() : null };
}
