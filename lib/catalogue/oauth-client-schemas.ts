import { z } from "zod";

/** How many redirect URIs one client may register: an app has a web and a mobile callback, rarely more. */
export const MAX_REDIRECT_URIS = 5;

/**
 * A redirect URI as the authorization server will compare it, character for character: absolute,
 * https (a code must never travel in clear), without a fragment (RFC 6749 §3.1.2) or credentials.
 */
const redirectUri = z
  .string()
  .max(500, "catalogue.curation.clients.errors.uri")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && !url.hash && !url.username && !url.password && value === url.toString();
    } catch {
      return false;
    }
  }, "catalogue.curation.clients.errors.uri");

const redirectUriList = z
  .array(redirectUri)
  .min(1, "catalogue.curation.clients.errors.uriRequired")
  .max(MAX_REDIRECT_URIS, "catalogue.curation.clients.errors.tooMany");

/** A client as the service registers it: its app, its type and its redirect URIs. */
export const oauthClientSchema = z.object({
  appId: z.uuid(),
  type: z.enum(["PUBLIC", "CONFIDENTIAL"], { error: "catalogue.curation.clients.errors.type" }),
  redirectUris: redirectUriList,
});
export type OAuthClientInput = z.infer<typeof oauthClientSchema>;

/** The curator's form: the same, with the redirect URIs one per line (blank lines and repeats dropped). */
export const registerClientSchema = oauthClientSchema.extend({
  redirectUris: z
    .string()
    .transform((text) => [
      ...new Set(
        text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(redirectUriList),
});

export const revokeClientSchema = z.object({ appId: z.uuid(), clientId: z.uuid() });
