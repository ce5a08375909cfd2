import type { Db } from "@/lib/server/db";
import { systemCtx } from "@/lib/server/context/ctx";
import { addRecordEntry } from "@/lib/server/record/add-record-entry";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * The demo patient's "Profil médical" (issue 16): two conditions, one allergy, three treatments (one
 * entered by Dr Bernard, her médecin traitant), vaccinations with the adult dTP booster overdue, the
 * organ-donation position and a personne de confiance. Written through the services, so each entry has
 * its author and its history entry. Once only: skipped as soon as the patient's history holds any
 * profile entry, so what the person deleted stays deleted.
 */
export async function seedDemoRecord(db: Db, { patientId, doctorUserId }: { patientId: string; doctorUserId: string }): Promise<number> {
  const touched = await db.historyEntry.count({
    where: { patientId, action: { in: ["RECORD_ENTRY_ADDED", "RECORD_ENTRY_DELETED"] } },
  });
  if (touched > 0) return 0;
  const as = (userId: string, role: Role) =>
    Object.assign(systemCtx({ job: "seed", db }), { actor: { userId, roles: [role], stage: "FULL" as const, hasConfirmedFactor: true } });
  const patient = as(patientId, "PATIENT");
  const doctor = as(doctorUserId, "PROFESSIONAL");
  const entries: [typeof patient, Parameters<typeof addRecordEntry>[1]][] = [
    [
      patient,
      { patientId, kind: "condition", fields: { category: "MEDICAL", label: "Asthme", onsetDate: "1996-09-01", status: "ACTIVE" } },
    ],
    [
      patient,
      {
        patientId,
        kind: "condition",
        fields: { category: "SURGICAL", label: "Appendicectomie", onsetDate: "2002-06-14", status: "RESOLVED" },
      },
    ],
    [
      patient,
      {
        patientId,
        kind: "allergy",
        fields: { type: "ALLERGY", substance: "Pénicilline", reaction: "Urticaire généralisée", severity: "MODERATE", criticality: "HIGH" },
      },
    ],
    [
      patient,
      {
        patientId,
        kind: "treatment",
        fields: { medication: "Salbutamol 100 µg", dose: "2 bouffées", frequency: "si besoin", startDate: "2015-03-02" },
      },
    ],
    [
      doctor,
      {
        patientId,
        kind: "treatment",
        fields: {
          medication: "Budésonide/formotérol 200/6 µg",
          dose: "1 inhalation",
          frequency: "matin et soir",
          startDate: "2024-10-07",
          prescriber: "Dr Sophie Bernard",
          source: "Consultation",
        },
      },
    ],
    [
      patient,
      {
        patientId,
        kind: "treatment",
        fields: { medication: "Cétirizine 10 mg", dose: "1 comprimé", frequency: "le soir, d'avril à juin", startDate: "2019-04-01" },
      },
    ],
    [patient, { patientId, kind: "vaccination", fields: { vaccineCode: "J07BD52", date: "1985-06-20", doseNumber: "1" } }],
    [patient, { patientId, kind: "vaccination", fields: { vaccineCode: "J07BD52", date: "1990-05-10", doseNumber: "2" } }],
    [
      patient,
      {
        patientId,
        kind: "vaccination",
        fields: { vaccineCode: "J07CA01", date: "2005-03-15", lotNumber: "DTP0503", performer: "Centre de vaccination, Nantes" },
      },
    ],
    [patient, { patientId, kind: "directive", fields: { kind: "ORGAN_DONATION", organDonation: "CONSENTS" } }],
    [
      patient,
      {
        patientId,
        kind: "contact",
        fields: { role: "TRUSTED_PERSON", name: "Julien Martin", relationship: "Conjoint", phone: "06 11 22 33 44" },
      },
    ],
  ];
  for (const [ctx, input] of entries) await addRecordEntry(ctx, input as never);
  return entries.length;
}
