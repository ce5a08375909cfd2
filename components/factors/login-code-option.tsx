import { getTranslations } from "next-intl/server";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { sendLoginCode } from "@/lib/server/auth/codes/code-factor-actions";
import { listCodeFactors } from "@/lib/server/auth/codes/list-code-factors";
import { CODE_POLICY } from "@/lib/server/auth/codes/one-time-codes";
import { getDb } from "@/lib/server/db";
import { CodeLoginForm } from "./code-login-form";

/**
 * On the second step of signing in: a code by e-mail or SMS, for accounts that enrolled one. Only
 * masked destinations reach the page, since whoever sees it has so far proved only the password.
 */
export async function LoginCodeOption({ userId, callbackUrl }: { userId: string; callbackUrl: string }) {
  // Checked where the data is read, not only by the page that renders this.
  const session = await getCurrentSession();
  if (session?.stage !== "PASSWORD_VERIFIED" || session.user.id !== userId) return null;
  const { factors } = await listCodeFactors(getDb(), { userId });
  if (factors.length === 0) return null;

  const t = await getTranslations("codes.login");
  return (
    <section aria-labelledby="login-code-title" data-testid="login-code-option">
      <h2 id="login-code-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 mb-4 text-muted">{t("intro")}</p>
      <CodeLoginForm
        factors={factors.map(({ id, kind, maskedDestination }) => ({ id, kind, maskedDestination }))}
        send={sendLoginCode}
        callbackUrl={callbackUrl}
        minutes={CODE_POLICY.LOGIN_OTP.ttlMinutes}
      />
    </section>
  );
}
