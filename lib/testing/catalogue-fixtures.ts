/**
 * Catalogue apps, clients, connections and access tokens written straight to the database, for
 * integration tests and the benchmark: what curation and the OAuth server would have left there,
 * without going through them. Each app gets a fresh slug so that tests sharing a database never meet.
 */
import { randomUUID } from "node:crypto";
import type { DocumentCategory, Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { hashOpaqueToken, newOpaqueToken } from "@/lib/server/oauth/opaque-token";

type AppData = Partial<Omit<Prisma.CatalogAppUncheckedCreateInput, "id">>;

/** A listed app with the fields every app needs; `data` overrides any of them (status, scopes, name…). */
export async function newCatalogApp(db: Pick<Db, "catalogApp">, data: AppData = {}) {
  return db.catalogApp.create({
    data: {
      slug: `test-${randomUUID().slice(0, 12)}`,
      name: "Appli Test",
      publisher: "Éditeur Test",
      theme: "PREVENTION",
      summaryFr: "Un service de test.",
      summaryEn: "A test service.",
      websiteUrl: "https://app.test.invalid",
      // No region: a national app, offered everywhere (as curation writes it, an empty list).
      regions: [],
      screenshots: [],
      status: "LISTED",
      ...data,
    },
    select: { id: true, slug: true, name: true },
  });
}

/** A public client of that app, with one redirect URI. */
export async function newOAuthClient(db: Pick<Db, "oAuthClient">, appId: string) {
  return db.oAuthClient.create({
    data: { clientId: `client-${randomUUID()}`, appId, type: "PUBLIC", redirectUris: ["https://app.test.invalid/cb"] },
    select: { id: true, clientId: true },
  });
}

/**
 * A patient connected to a new listed app through a public client, and an access token for that
 * connection as the token endpoint stores it (its hash only). The token is returned in clear, to be
 * presented as `Bearer`.
 */
export async function newConnectedApp(
  db: Pick<Db, "catalogApp" | "oAuthClient" | "appConnection" | "oAuthToken">,
  {
    patientId,
    scopes,
    categories = [],
    expiresAt = new Date(Date.now() + 3_600_000),
    app: appData = {},
  }: { patientId: string; scopes: string[]; categories?: DocumentCategory[]; expiresAt?: Date; app?: AppData },
) {
  const app = await newCatalogApp(db, appData);
  const client = await newOAuthClient(db, app.id);
  const connection = await db.appConnection.create({ data: { patientId, appId: app.id, scopes, categories }, select: { id: true } });
  const token = newOpaqueToken("access");
  const row = await db.oAuthToken.create({
    data: {
      tokenHash: hashOpaqueToken(token),
      kind: "ACCESS",
      clientId: client.id,
      connectionId: connection.id,
      scopes,
      familyId: randomUUID(),
      expiresAt,
    },
    select: { id: true },
  });
  return { app, client, connectionId: connection.id, token, tokenId: row.id };
}
