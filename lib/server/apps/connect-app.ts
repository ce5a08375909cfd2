import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { allowedScopesOf } from "@/lib/server/oauth/oauth-settings";
import { applyConsent } from "./apply-consent";
import { resolveConsentChoice, type ConsentForm } from "./consent-choice";
import { findListedApp } from "./find-listed-app";
import { authorizePatient } from "./patient-context";

/**
 * Connecting from the catalogue, without an app asking: the same consent as through OAuth, over
 * everything the catalogue entry states, so that the app's later authorization request finds it
 * granted and is not asked again.
 */
export async function connectApp(ctx: SignedInCtx, { slug, form }: { slug: string; form: ConsentForm }): Promise<{ connectionId: string }> {
  const { patientId, historyActor } = await authorizePatient(ctx, "health:write-own");
  const { db } = ctx;
  const app = await findListedApp(db, slug);
  const choice = resolveConsentChoice({ requested: allowedScopesOf(app), app, form });
  return db.$transaction(async (tx) => {
    const { connectionId } = await applyConsent(tx, { patientId, actor: historyActor, app, choice, ipAddress: ctx.ip });
    return { connectionId };
  });
}
