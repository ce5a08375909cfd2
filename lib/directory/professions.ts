/**
 * The directory keeps professions and specialties as the RPPS publishes them: French labels, stored
 * as they come. These tables name the known ones, so the interface can say them in the reader's
 * language (`directory.professions.<key>`, `directory.specialties.<key>`); a label not listed here
 * (a new RPPS label, a typing variant) is shown as stored rather than hidden.
 *
 * Feminine and masculine forms, as the RPPS and people write them, lead to the same key.
 */
export const PROFESSIONS = {
  doctor: ["Médecin"],
  dentist: ["Chirurgien-dentiste"],
  midwife: ["Sage-femme", "Maïeuticien"],
  pharmacist: ["Pharmacien", "Pharmacienne"],
  nurse: ["Infirmier", "Infirmière"],
  physiotherapist: ["Masseur-kinésithérapeute", "Masseuse-kinésithérapeute"],
  podiatrist: ["Pédicure-podologue"],
  speechTherapist: ["Orthophoniste"],
  orthoptist: ["Orthoptiste"],
  occupationalTherapist: ["Ergothérapeute"],
  psychomotorTherapist: ["Psychomotricien", "Psychomotricienne"],
  psychologist: ["Psychologue"],
  dietitian: ["Diététicien", "Diététicienne"],
  hearingAidSpecialist: ["Audioprothésiste"],
  optician: ["Opticien-lunetier", "Opticienne-lunetière"],
  radiographer: ["Manipulateur ERM", "Manipulatrice ERM"],
  medicalLabTechnician: ["Technicien de laboratoire médical", "Technicienne de laboratoire médical"],
} as const;

export const SPECIALTIES = {
  generalPractice: ["Médecine générale"],
  cardiology: ["Cardiologie"],
  dermatology: ["Dermatologie"],
  paediatrics: ["Pédiatrie"],
  medicalGynaecology: ["Gynécologie médicale"],
  obstetricsGynaecology: ["Gynécologie-obstétrique"],
  psychiatry: ["Psychiatrie"],
  radiology: ["Radiologie"],
  ophthalmology: ["Ophtalmologie"],
  rheumatology: ["Rhumatologie"],
  endocrinology: ["Endocrinologie"],
  ent: ["Oto-rhino-laryngologie"],
  gastroenterology: ["Gastro-entérologie"],
  emergencyMedicine: ["Médecine d'urgence"],
  emergencyMedicineSamu: ["Médecine d'urgence (SAMU)"],
  anaesthesiology: ["Anesthésie-réanimation"],
  geriatrics: ["Gériatrie"],
  neurology: ["Neurologie"],
  pulmonology: ["Pneumologie"],
  nephrology: ["Néphrologie"],
  oncology: ["Oncologie médicale"],
  generalSurgery: ["Chirurgie générale"],
  orthopaedicSurgery: ["Chirurgie orthopédique et traumatologique"],
  urology: ["Urologie"],
  nurseAnaesthetist: ["Infirmier anesthésiste", "Infirmière anesthésiste"],
  advancedPracticeNurse: ["Infirmier de pratique avancée", "Infirmière de pratique avancée"],
  sportsPhysiotherapy: ["Kinésithérapie du sport"],
  respiratoryPhysiotherapy: ["Kinésithérapie respiratoire"],
  orthodontics: ["Orthopédie dento-faciale"],
  communityPharmacy: ["Pharmacie d'officine"],
  hospitalPharmacy: ["Pharmacie hospitalière"],
} as const;

export type ProfessionKey = keyof typeof PROFESSIONS;
export type SpecialtyKey = keyof typeof SPECIALTIES;

/** Case, accents written as combining marks, curly apostrophes and stray spaces do not make another label. */
function comparable(label: string): string {
  return label.normalize("NFC").replace(/[’ʼ]/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
}

function indexOf<K extends string>(table: Record<K, readonly string[]>): Map<string, K> {
  return new Map(
    Object.entries<readonly string[]>(table).flatMap(([key, labels]) => labels.map((label) => [comparable(label), key as K] as const)),
  );
}

const professionIndex = indexOf<ProfessionKey>(PROFESSIONS);
const specialtyIndex = indexOf<SpecialtyKey>(SPECIALTIES);

export function professionKeyOf(stored: string): ProfessionKey | null {
  return professionIndex.get(comparable(stored)) ?? null;
}

export function specialtyKeyOf(stored: string): SpecialtyKey | null {
  return specialtyIndex.get(comparable(stored)) ?? null;
}

/** Reads `directory.professions.*` and `directory.specialties.*` (next-intl's `t` for "directory"). */
export type DirectoryTranslator = (key: `professions.${ProfessionKey}` | `specialties.${SpecialtyKey}`) => string;

/** A professional's profession and specialty in the reader's language, each as stored when unknown. */
export function professionLabels(
  t: DirectoryTranslator,
  { profession, specialty }: { profession: string; specialty?: string | null },
): { profession: string; specialty: string | null } {
  const professionKey = professionKeyOf(profession);
  const specialtyKey = specialty ? specialtyKeyOf(specialty) : null;
  return {
    profession: professionKey ? t(`professions.${professionKey}`) : profession,
    specialty: specialty ? (specialtyKey ? t(`specialties.${specialtyKey}`) : specialty) : null,
  };
}
