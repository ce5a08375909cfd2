import { getTranslations } from "next-intl/server";
import { badgeClass } from "@/components/ui/field-classes";
import { professionLabels } from "@/lib/directory/professions";

type Professional = {
  firstName: string;
  lastName: string;
  profession: string;
  specialty: string | null;
  city: string;
  rpps: string;
  emergencyStaff: boolean;
};

/** Who a professional is, as the directory says: name, profession (specialty), city, RPPS. */
export async function ProfessionalLine({ professional, as: Name = "p" }: { professional: Professional; as?: "p" | "h2" | "h3" }) {
  const [t, tDirectory] = await Promise.all([getTranslations("access"), getTranslations("directory")]);
  const { profession, specialty } = professionLabels(tDirectory, professional);
  return (
    <div>
      <Name className="font-semibold">
        {professional.firstName} {professional.lastName}
        {professional.emergencyStaff && " "}
        {professional.emergencyStaff && <span className={`${badgeClass} ml-1 bg-surface text-ink`}>{t("directory.emergencyStaff")}</span>}
      </Name>
      <p className="text-sm">
        {profession}
        {specialty ? ` — ${specialty}` : ""} · {professional.city}
      </p>
      <p className="text-sm text-muted">{t("professional.rpps", { rpps: professional.rpps })}</p>
    </div>
  );
}
