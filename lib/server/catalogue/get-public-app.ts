import "server-only";
import { PUBLIC_STATUSES } from "@/lib/catalogue/app-status";
import type { Ctx } from "@/lib/server/context/ctx";
import { publicAppSelect, type PublicApp } from "./app-select";

/** An app's public page, or null when the public may not see it (submitted, refused, unknown). */
export async function getPublicApp({ db }: Ctx, { slug }: { slug: string }): Promise<PublicApp | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return db.catalogApp.findFirst({ where: { slug, status: { in: [...PUBLIC_STATUSES] } }, select: publicAppSelect });
}
