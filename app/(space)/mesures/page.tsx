import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeasurementTable } from "@/components/measurements/measurement-table";
import { NotPatientNotice } from "@/components/ui/not-patient-notice";
import { signedInPageCtx } from "@/lib/server/context/page-ctx";
import { listMeasurements } from "@/lib/server/measurements/list-measurements";
import { requirePatientForPage } from "@/lib/server/patients/require-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fhir.measurements"))("title") };
}

/** "Mesures": what the patient's connected apps have recorded (weight, blood pressure…), latest first. */
export default async function MeasurementsPage() {
  const patient = await requirePatientForPage("/mesures");
  const t = await getTranslations("fhir.measurements");
  if (!patient) return <NotPatientNotice title={t("title")} />;
  const measurements = await listMeasurements(await signedInPageCtx(), { patientId: patient.patientId });
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </div>
      <MeasurementTable measurements={measurements} />
    </div>
  );
}
