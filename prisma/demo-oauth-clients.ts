import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

/**
 * The demo confidential client's secret, printed in the README so that a newcomer can run the token
 * endpoint by hand. Demo data only: a real client's secret is generated and shown once.
 */
export const DEMO_CONFIDENTIAL_CLIENT = {
  clientId: "tensio-plus-web",
  appSlug: "tensio-plus",
  secret: "ens_cs_demo-tensio-plus-web-not-a-real-secret",
  redirectUri: "https://tensio-plus.example/oauth/callback",
} as const;

/** Demo apps are those on the reserved `.example` domain (RFC 2606): never a curator's real listing. */
function isDemoApp(websiteUrl: string): boolean {
  try {
    return new URL(websiteUrl).hostname.endsWith(".example");
  } catch {
    return false;
  }
}

/**
 * The demo apps' registered OAuth clients: a public one `<slug>-mobile` for each listed demo app, with
 * `https://<slug>.example/oauth/callback` as its redirect URI, and the confidential `tensio-plus-web`.
 * Created when missing, never changed afterwards (a revocation made in the demo stays).
 */
export async function seedDemoOAuthClients(db: Db): Promise<number> {
  const apps = await db.catalogApp.findMany({ where: { status: "LISTED" }, select: { id: true, slug: true, websiteUrl: true } });
  const clients: Prisma.OAuthClientUncheckedCreateInput[] = apps
    .filter((app) => isDemoApp(app.websiteUrl))
    .map((app) => ({
      clientId: `${app.slug}-mobile`.slice(0, 80),
      appId: app.id,
      type: "PUBLIC",
      redirectUris: [`https://${app.slug}.example/oauth/callback`],
    }));
  const tensio = apps.find((app) => app.slug === DEMO_CONFIDENTIAL_CLIENT.appSlug);
  if (tensio) {
    clients.push({
      clientId: DEMO_CONFIDENTIAL_CLIENT.clientId,
      appId: tensio.id,
      type: "CONFIDENTIAL",
      secretHash: createHash("sha256").update(DEMO_CONFIDENTIAL_CLIENT.secret, "utf8").digest("hex"),
      redirectUris: [DEMO_CONFIDENTIAL_CLIENT.redirectUri],
    });
  }
  for (const client of clients) {
    await db.oAuthClient.upsert({ where: { clientId: client.clientId }, update: {}, create: client, select: { id: true } });
  }
  return clients.length;
}
