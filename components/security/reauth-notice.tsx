import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/ui/form-alert";

/**
 * Said up front rather than after a form fails: changes on this page need a recent proof of identity,
 * and this is where to give it.
 */
export async function ReauthNotice({ returnTo }: { returnTo: string }) {
  const t = await getTranslations("security.reauth");
  return (
    <FormAlert kind="info">
      <p>{t("notice")}</p>
      <p className="mt-2">
        <Link href={`/securite/confirmer?suite=${encodeURIComponent(returnTo)}`} className="font-medium underline">
          {t("confirmLink")}
        </Link>
      </p>
    </FormAlert>
  );
}
