import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import type { ReceiptSummary } from "@/lib/server/consent/list-receipts";

/** The receipts of the patient's consent changes, each downloadable as text. */
export async function ReceiptsSection({ receipts }: { receipts: ReceiptSummary[] }) {
  const [t, format] = await Promise.all([getTranslations("access"), getFormatter()]);
  const dayTime = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  return (
    <Section id="receipts-title" title={t("receipts.title")} focusable>
      <p className="text-muted">{t("receipts.intro")}</p>
      {receipts.length === 0 ? (
        <p className="text-muted">{t("receipts.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300">
          {receipts.map((receipt) => {
            const change = t(`receipts.changes.${receipt.change}`);
            return (
              <li key={receipt.id} className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="receipt">
                <p>
                  <span className="font-medium">{change}</span> — {receipt.professionalName}
                  <span className="block text-sm text-muted">{dayTime(receipt.createdAt)}</span>
                </p>
                <a href={`/api/consent/receipts/${receipt.id}`} download className="text-brand underline">
                  {t("receipts.download")}
                  <span className="sr-only">
                    {" "}
                    ({t("receipts.downloadNamed", { change, name: receipt.professionalName, date: dayTime(receipt.createdAt) })})
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
