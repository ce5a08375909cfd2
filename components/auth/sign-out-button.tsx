import { getTranslations } from "next-intl/server";
import { PendingSubmitButton } from "./pending-submit-button";
import { signOutAction } from "./sign-out-action";

/**
 * Ends the session on the server, then goes home: a form posting to a server action, so no auth
 * library is sent to the browser and it works before the page's script has loaded.
 */
export async function SignOutButton({ label, className }: { label?: string; className?: string }) {
  const t = await getTranslations("auth");
  return (
    <form action={signOutAction}>
      <PendingSubmitButton
        label={label ?? t("signOut")}
        pendingLabel={t("signingOut")}
        className={className ?? "rounded px-3 py-1.5 text-brand underline hover:bg-brand-light"}
      />
    </form>
  );
}
