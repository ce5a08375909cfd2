import "server-only";
import { z } from "zod";

const purposeSchema = z.object({ fr: z.string(), en: z.string(), optional: z.boolean().default(false) });
export type ScopePurpose = z.infer<typeof purposeSchema>;

/**
 * CatalogApp.scopePurposes, read defensively: it is JSON written by curators and the seed, so an
 * entry that does not parse counts as absent (a scope without a stated purpose is required).
 */
export function readScopePurposes(json: unknown): Record<string, ScopePurpose> {
  const result: Record<string, ScopePurpose> = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return result;
  for (const [scope, value] of Object.entries(json)) {
    const parsed = purposeSchema.safeParse(value);
    if (parsed.success) result[scope] = parsed.data;
  }
  return result;
}
