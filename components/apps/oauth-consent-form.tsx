"use client";
import { useTranslations } from "next-intl";
import { ConsentFields } from "./consent-fields";
import type { ConsentView } from "./scope-keys";
import { Button } from "@/components/ui/button";

/**
 * The consent screen of an app's authorization request: a plain form posted to the decision route,
 * which answers with a redirect to the app, so it works the same with or without JavaScript.
 */
export function OAuthConsentForm({ view, requestId, categoriesError }: { view: ConsentView; requestId: string; categoriesError?: string }) {
  const t = useTranslations("apps.consent");
  return (
    <form method="post" action="/api/oauth/authorize/decision" className="space-y-6">
      <input type="hidden" name="requestId" value={requestId} />
      <ConsentFields view={view} idPrefix="consent" errors={{ categories: categoriesError }} />
      <p className="text-sm text-muted">{t("revocable")}</p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="allow">
          {t("allow")}
        </Button>
        <Button type="submit" name="decision" value="deny" variant="secondary">
          {t("refuse")}
        </Button>
      </div>
    </form>
  );
}
