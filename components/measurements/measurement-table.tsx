import { getFormatter, getTranslations } from "next-intl/server";
import { isMeasurementCode } from "@/lib/fhir/measurement-codes";
import type { MeasurementRow } from "@/lib/server/measurements/list-measurements";

/** UCUM codes as people write them. */
const UNIT_LABEL: Record<string, string> = { "mm[Hg]": "mmHg", Cel: "°C", "/min": "/min", "{steps}": "" };

/** The patient's measurements as a table a screen reader can walk by column, latest first. */
export async function MeasurementTable({ measurements }: { measurements: MeasurementRow[] }) {
  const [t, format] = await Promise.all([getTranslations("fhir.measurements"), getFormatter()]);
  if (measurements.length === 0) return <p className="rounded border border-gray-300 p-4">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("caption", { count: measurements.length })}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-2 pr-4">
              {t("when")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("type")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("value")}
            </th>
            <th scope="col" className="py-2">
              {t("source")}
            </th>
          </tr>
        </thead>
        <tbody>
          {measurements.map((measurement) => {
            const unit = measurement.code === "55423-8" ? t("steps") : (UNIT_LABEL[measurement.unit] ?? measurement.unit);
            return (
              <tr key={measurement.id} className="border-b border-gray-300">
                <td className="py-2 pr-4 whitespace-nowrap">{format.dateTime(measurement.effectiveAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" })}</td>
                <th scope="row" className="py-2 pr-4 font-normal">
                  {isMeasurementCode(measurement.code) ? t(`types.${measurement.code}`) : t("unknownType")}
                </th>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {format.number(measurement.value, { maximumFractionDigits: 2 })}
                  {unit ? ` ${unit}` : ""}
                </td>
                <td className="py-2">{measurement.sourceLabel}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
