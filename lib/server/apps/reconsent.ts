import "server-only";
import type { CatalogAppStatus, DocumentCategory, Prisma } from "@/lib/generated/prisma/client";
import { SMART_SCOPES, TECHNICAL_SCOPES, type SmartScope } from "@/lib/oauth/smart-scopes";
import { readScopePurposes } from "@/lib/server/catalogue/scope-purposes";
import { DOCUMENT_SCOPE } from "./consent-choice";

/** What the rule reads of an app: what it asks for now, and whether it may be connected at all. */
export type ReconsentApp = {
  id: string;
  status: CatalogAppStatus;
  requestedScopes: string[];
  scopePurposes: unknown;
  documentCategories: DocumentCategory[];
};

/** What the rule reads of a connection: what was granted, what was declined, whether it is in force. */
export type ReconsentConnection = {
  scopes: string[];
  categories: DocumentCategory[];
  declinedScopes: string[];
  declinedCategories: DocumentCategory[];
  revokedAt: Date | null;
};

/** The data scopes an app needs (not optional, not plumbing): a connection without one lacks what the app asks. */
export function requiredScopesOf(app: Pick<ReconsentApp, "requestedScopes" | "scopePurposes">): SmartScope[] {
  const purposes = readScopePurposes(app.scopePurposes);
  return SMART_SCOPES.filter(
    (scope) => app.requestedScopes.includes(scope) && !TECHNICAL_SCOPES.includes(scope) && !purposes[scope]?.optional,
  );
}

/**
 * What an app now asks of a patient beyond what they answered: required scopes neither granted nor
 * declined, and, when the connection reads (or would read) documents, categories neither granted nor
 * declined. Empty for a connection that ended or an app that is not listed (nothing to consent to).
 */
export function newlyAsked(connection: ReconsentConnection, app: ReconsentApp): { scopes: SmartScope[]; categories: DocumentCategory[] } {
  if (connection.revokedAt || app.status !== "LISTED") return { scopes: [], categories: [] };
  const answered = (scope: string) => connection.scopes.includes(scope) || connection.declinedScopes.includes(scope);
  const scopes = requiredScopesOf(app).filter((scope) => !answered(scope));
  const readsDocuments = connection.scopes.includes(DOCUMENT_SCOPE) || scopes.includes(DOCUMENT_SCOPE);
  const categories = readsDocuments
    ? app.documentCategories.filter(
        (category) => !connection.categories.includes(category) && !connection.declinedCategories.includes(category),
      )
    : [];
  return { scopes, categories };
}

/**
 * The rule: a connection awaits the patient's consent when its app now asks for more than they
 * answered. Derived from the catalogue entry and the connection, never stored, so that no flag can
 * drift from what the app asks; its tokens meanwhile work within what was granted only
 * (verifyAccessToken intersects with the connection's scopes).
 */
export function awaitsReconsent(connection: ReconsentConnection, app: ReconsentApp): boolean {
  const asked = newlyAsked(connection, app);
  return asked.scopes.length > 0 || asked.categories.length > 0;
}

/**
 * The same rule as a database filter over one app's connections: those in force that lack one of
 * its required scopes or, reading documents, one of its categories, neither granted nor declined.
 */
export function awaitingReconsentWhere(app: ReconsentApp): Prisma.AppConnectionWhereInput {
  if (app.status !== "LISTED") return { id: { in: [] } };
  const required = requiredScopesOf(app);
  const lacksScope = required.map((scope) => ({ NOT: [{ scopes: { has: scope } }, { declinedScopes: { has: scope } }] }));
  // A connection that does not read documents yet and is newly asked the document scope matches on
  // the scope already: categories only decide for one that reads them.
  const lacksCategory = app.documentCategories.map((category) => ({
    scopes: { has: DOCUMENT_SCOPE },
    NOT: [{ categories: { has: category } }, { declinedCategories: { has: category } }],
  }));
  const either = [...lacksScope, ...lacksCategory];
  return { appId: app.id, revokedAt: null, ...(either.length > 0 ? { OR: either } : { id: { in: [] } }) };
}

/** What the rule needs of a connection, to select next to the rest. */
export const reconsentConnectionSelect = {
  scopes: true,
  categories: true,
  declinedScopes: true,
  declinedCategories: true,
  revokedAt: true,
} as const satisfies Prisma.AppConnectionSelect;

/** What the rule needs of an app. */
export const reconsentAppSelect = {
  id: true,
  status: true,
  requestedScopes: true,
  scopePurposes: true,
  documentCategories: true,
} as const satisfies Prisma.CatalogAppSelect;
