import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { consentAppColumns } from "@/lib/server/oauth/find-patient-request";
import type { ConsentAppDetails } from "@/lib/server/oauth/open-authorization-request";

/** A catalogue app a patient may connect: only a LISTED one (anything else is "not found"). */
export async function findListedApp(db: Pick<Db, "catalogApp">, slug: string): Promise<ConsentAppDetails & { requestedScopes: string[] }> {
  const app = await db.catalogApp.findUnique({
    where: { slug: slug.slice(0, 80) },
    select: { ...consentAppColumns, requestedScopes: true },
  });
  if (!app || app.status !== "LISTED") throw new AppError("NOT_FOUND", "No listed app with this slug.");
  return app;
}
