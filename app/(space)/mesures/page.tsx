import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeasurementTable } from "@/components/measurements/measurement-table";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { listMeasurements } from "@/lib/server/measurements/list-measurements";
import { actorOf } from "@/lib/server/policy/policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fhir.measurements"))("title") };
}

/** "Mesures": what the patient's connected apps have recorded (weight, blood pressure…), latest first. */
export default async function MeasurementsPage() {
  const session = await requireFullSessionForPage("/mesures");
  const t = await getTranslations("fhir.measurements");
  if (!session.user.roles.includes("PATIENT")) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("notPatient")}</p>
      </div>
    );
  }
  const measurements = await listMeasurements(getDb(), { actor: actorOf(session), patientId: session.user.id });
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
