import "server-only";
import { z } from "zod";

const purposeSchema = z.object({ fr: z.string(), en: z.string().optional(), optional: z.boolean().default(false) });
export type ScopePurpose = z.output<typeof purposeSchema>;

/** CatalogApp.scopePurposes as stored JSON, read defensively: a malformed entry is left out, not thrown. */
export function readScopePurposes(json: unknown): Record<string, ScopePurpose> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const purposes: Record<string, ScopePurpose> = {};
  for (const [scope, value] of Object.entries(json)) {
    const parsed = purposeSchema.safeParse(value);
    if (parsed.success) purposes[scope] = parsed.data;
  }
  return purposes;
}
