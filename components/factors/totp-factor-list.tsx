import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RemoveFactorButton } from "./remove-factor-button";

type TotpFactor = { id: string; label: string | null; confirmedAt: Date | null; lastUsedAt: Date | null };

/** The authenticator apps of the account, with a way to add one and to remove each (under the page's heading). */
export async function TotpFactorList({ factors }: { factors: TotpFactor[] }) {
  const [t, format] = await Promise.all([getTranslations("security.totp"), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <div className="space-y-3">
      {factors.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
          {factors.map((factor, index) => {
            const name = factor.label ?? t("defaultName", { number: index + 1 });
            return (
              <li key={factor.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div>
                  <p className="font-semibold">{name}</p>
                  <p className="text-sm text-muted">
                    {factor.confirmedAt && t("addedOn", { date: date(factor.confirmedAt) })}
                    {factor.lastUsedAt && ` · ${t("lastUsed", { date: date(factor.lastUsedAt) })}`}
                  </p>
                </div>
                <RemoveFactorButton factorId={factor.id} name={name} />
              </li>
            );
          })}
        </ul>
      )}
      <Link href="/securite/totp" className="inline-block text-brand underline">
        {t("add")}
      </Link>
    </div>
  );
}
