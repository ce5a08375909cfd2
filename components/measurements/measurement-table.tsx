import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { isMeasurementCode } from "@/lib/fhir/measurement-codes";
import type { MeasurementRow } from "@/lib/server/measurements/list-measurements";

/** UCUM codes as people write them. */
const UNIT_LABEL: Record<string, string> = { "mm[Hg]": "mmHg", Cel: "°C", "/min": "/min", "{steps}": "" };

/** The patient's measurements as a table a screen reader can walk by column, latest first. */
export async function MeasurementTable({ measurements }: { measurements: MeasurementRow[] }) {
  const [t, format] = await Promise.all([getTranslations("fhir.measurements"), getFormatter()]);
  if (measurements.length === 0) return <p className="rounded border border-gray-300 p-4">{t("empty")}</p>;
  return (
    <DataTable
      caption={t("caption", { count: measurements.length })}
      headers={[t("when"), t("type"), t("value"), t("source")]}
      rowHeader={1}
      nowrap={[0, 2]}
      rows={measurements.map((measurement) => {
        const unit = measurement.code === "55423-8" ? t("steps") : (UNIT_LABEL[measurement.unit] ?? measurement.unit);
        return {
          key: measurement.id,
          cells: [
            format.dateTime(measurement.effectiveAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" }),
            isMeasurementCode(measurement.code) ? t(`types.${measurement.code}`) : t("unknownType"),
            `${format.number(measurement.value, { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ""}`,
            measurement.sourceLabel,
          ],
        };
      })}
    />
  );
}
