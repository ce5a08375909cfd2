import { getFormatter, getTranslations } from "next-intl/server";
import { RemoveFactorButton } from "./remove-factor-button";
import { getCurrentSession } from "@/lib/server/auth/current-session";
import { listPasskeys } from "@/lib/server/auth/passkeys/list-passkeys";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { AppError } from "@/lib/server/errors";
import { actorOf, authorize } from "@/lib/server/policy/policy";
import { PasskeyAddForm } from "./passkey-add-form";

/** The Sécurité page's passkeys (under its "Moyens de connexion" heading): those registered, and a way to add one. */
export async function PasskeySection({ userId }: { userId: string }) {
  // Checked where the data is read, not only by the page that renders this.
  const session = await getCurrentSession();
  authorize(actorOf(session), "account:manage-own");
  if (session?.user.id !== userId) throw new AppError("FORBIDDEN", "passkeys of another account");

  const ctx = await signedInPageCtx();
  const [t, format, passkeys] = await Promise.all([getTranslations("passkeys.section"), getFormatter(), listPasskeys(ctx)]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });

  return (
    <section aria-labelledby="passkeys-title" className="space-y-3" data-testid="passkey-section">
      <h3 id="passkeys-title" className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p className="text-muted">{t("intro")}</p>
      {passkeys.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300" aria-label={t("listLabel")}>
          {passkeys.map((passkey) => {
            const name = passkey.label ?? t("unnamed");
            return (
              <li key={passkey.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div>
                  <p className="font-semibold">{name}</p>
                  <p className="text-sm text-muted">
                    {t("created", { date: date(passkey.createdAt) })}
                    {" · "}
                    {passkey.lastUsedAt ? t("lastUsed", { date: date(passkey.lastUsedAt) }) : t("neverUsed")}
                  </p>
                </div>
                <RemoveFactorButton factorId={passkey.id} name={name} />
              </li>
            );
          })}
        </ul>
      )}
      <PasskeyAddForm />
    </section>
  );
}
