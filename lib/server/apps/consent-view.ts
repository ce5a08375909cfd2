import "server-only";
import type { ConsentView } from "@/components/apps/scope-keys";
import type { DocumentCategory } from "@/lib/generated/prisma/client";
import { SMART_SCOPES, TECHNICAL_SCOPES } from "@/lib/oauth/smart-scopes";
import { DOCUMENT_SCOPE } from "./consent-choice";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";

type App = { slug: string; name: string; publisher: string; scopePurposes: unknown; documentCategories: DocumentCategory[] };
type Connection = { scopes: string[]; categories: DocumentCategory[] } | null;

/**
 * What the consent screen shows for `requested`: each data scope with the app's purpose in the
 * patient's language, optional ones ticked (the patient unticks what they refuse), what is already
 * granted marked as such; the categories ticked as the connection has them (none for a new one: the
 * patient picks), and the technical scopes to explain.
 */
export function buildConsentView({
  app,
  requested,
  connection,
  locale,
}: {
  app: App;
  requested: readonly string[];
  connection: Connection;
  locale: string;
}): ConsentView {
  const purposes = readScopePurposes(app.scopePurposes);
  const asked = SMART_SCOPES.filter((scope) => requested.includes(scope));
  return {
    app: { slug: app.slug, name: app.name, publisher: app.publisher },
    scopes: asked
      .filter((scope) => !TECHNICAL_SCOPES.includes(scope))
      .map((scope) => {
        const purpose = purposes[scope];
        return {
          scope,
          purpose: purpose ? (locale === "en" ? purpose.en || purpose.fr : purpose.fr) || null : null,
          optional: purpose?.optional ?? false,
          checked: true,
          alreadyGranted: connection?.scopes.includes(scope) ?? false,
        };
      }),
    technical: asked.filter((scope) => TECHNICAL_SCOPES.includes(scope)),
    categories: asked.includes(DOCUMENT_SCOPE)
      ? app.documentCategories.map((value) => ({ value, checked: connection?.categories.includes(value) ?? false }))
      : null,
    widening: connection !== null,
  };
}

/** The change form: the connection's data scopes and categories, all ticked, any of them to untick. */
export function buildChangeView({
  app,
  connection,
  locale,
}: {
  app: App;
  connection: NonNullable<Connection>;
  locale: string;
}): ConsentView {
  const view = buildConsentView({ app, requested: connection.scopes, connection, locale });
  return {
    ...view,
    scopes: view.scopes.map((item) => ({ ...item, optional: true, alreadyGranted: false })),
    technical: [],
    categories: connection.scopes.includes(DOCUMENT_SCOPE) ? connection.categories.map((value) => ({ value, checked: true })) : null,
    widening: false,
  };
}
