import { getTranslations } from "next-intl/server";

/** What a page of the patient's space shows an account without one (a professional, staff): its title and why there is nothing. */
export async function NotPatientNotice({ title }: { title: string }) {
  const t = await getTranslations("space");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="text-muted">{t("notPatient")}</p>
    </div>
  );
}
