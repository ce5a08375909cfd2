/**
 * The demo directory: fictional health professionals a patient can find and authorise (names, cities
 * and identifiers are invented; professions follow the RPPS labels). Upserted on the identifier, so
 * every start may run it without duplicating anyone.
 */
import type { Db } from "@/lib/server/db";
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";

type DirectoryEntry = {
  firstName: string;
  lastName: string;
  profession: string;
  specialty: string | null;
  city: string;
  emergencyStaff?: boolean;
};

const MEDECIN = "Médecin";

const ENTRIES: DirectoryEntry[] = [
  { firstName: "Hélène", lastName: "Lefèvre", profession: MEDECIN, specialty: "Médecine générale", city: "Paris" },
  { firstName: "Mathieu", lastName: "Garnier", profession: MEDECIN, specialty: "Médecine générale", city: "Marseille" },
  { firstName: "Nathalie", lastName: "Rousseau", profession: MEDECIN, specialty: "Médecine générale", city: "Toulouse" },
  { firstName: "François", lastName: "Mercier", profession: MEDECIN, specialty: "Médecine générale", city: "Nantes" },
  { firstName: "Aïcha", lastName: "Benali", profession: MEDECIN, specialty: "Médecine générale", city: "Lille" },
  { firstName: "Jérôme", lastName: "Chevalier", profession: MEDECIN, specialty: "Médecine générale", city: "Rennes" },
  { firstName: "Élodie", lastName: "Fontaine", profession: MEDECIN, specialty: "Médecine générale", city: "Lyon" },
  { firstName: "Bertrand", lastName: "Lemaire", profession: MEDECIN, specialty: "Cardiologie", city: "Lyon" },
  { firstName: "Isabelle", lastName: "Roussel", profession: MEDECIN, specialty: "Cardiologie", city: "Bordeaux" },
  { firstName: "Olivier", lastName: "Perrin", profession: MEDECIN, specialty: "Dermatologie", city: "Montpellier" },
  { firstName: "Sandrine", lastName: "Gauthier", profession: MEDECIN, specialty: "Dermatologie", city: "Paris" },
  { firstName: "Maxime", lastName: "Girard", profession: MEDECIN, specialty: "Pédiatrie", city: "Strasbourg" },
  { firstName: "Caroline", lastName: "Bonnet", profession: MEDECIN, specialty: "Pédiatrie", city: "Lyon" },
  { firstName: "Anne-Sophie", lastName: "Masson", profession: MEDECIN, specialty: "Gynécologie médicale", city: "Nice" },
  { firstName: "Véronique", lastName: "Dupuis", profession: MEDECIN, specialty: "Gynécologie-obstétrique", city: "Grenoble" },
  { firstName: "Laurent", lastName: "Blanchard", profession: MEDECIN, specialty: "Psychiatrie", city: "Paris" },
  { firstName: "Émilie", lastName: "Marchand", profession: MEDECIN, specialty: "Psychiatrie", city: "Nantes" },
  { firstName: "Stéphane", lastName: "Renaud", profession: MEDECIN, specialty: "Radiologie", city: "Lyon" },
  { firstName: "Patricia", lastName: "Collin", profession: MEDECIN, specialty: "Radiologie", city: "Dijon" },
  { firstName: "Yannick", lastName: "Le Gall", profession: MEDECIN, specialty: "Ophtalmologie", city: "Brest" },
  { firstName: "Christine", lastName: "Barbier", profession: MEDECIN, specialty: "Rhumatologie", city: "Clermont-Ferrand" },
  { firstName: "Julien", lastName: "Arnaud", profession: MEDECIN, specialty: "Endocrinologie", city: "Tours" },
  { firstName: "Sylvie", lastName: "Giraud", profession: MEDECIN, specialty: "Oto-rhino-laryngologie", city: "Reims" },
  { firstName: "Rachid", lastName: "Mansouri", profession: MEDECIN, specialty: "Gastro-entérologie", city: "Marseille" },
  { firstName: "Damien", lastName: "Roche", profession: MEDECIN, specialty: "Médecine d'urgence", city: "Lyon", emergencyStaff: true },
  {
    firstName: "Ophélie",
    lastName: "Carré",
    profession: MEDECIN,
    specialty: "Médecine d'urgence (SAMU)",
    city: "Paris",
    emergencyStaff: true,
  },
  {
    firstName: "Thierry",
    lastName: "Joly",
    profession: MEDECIN,
    specialty: "Anesthésie-réanimation",
    city: "Toulouse",
    emergencyStaff: true,
  },
  { firstName: "Gaëlle", lastName: "Moulin", profession: "Infirmier", specialty: null, city: "Lyon" },
  { firstName: "Kévin", lastName: "Lambert", profession: "Infirmier", specialty: null, city: "Villeurbanne" },
  { firstName: "Amandine", lastName: "Caron", profession: "Infirmier", specialty: null, city: "Lille" },
  {
    firstName: "Mohamed",
    lastName: "Haddou",
    profession: "Infirmier",
    specialty: "Infirmier anesthésiste",
    city: "Bordeaux",
    emergencyStaff: true,
  },
  { firstName: "Pauline", lastName: "Vidal", profession: "Infirmier", specialty: "Infirmière de pratique avancée", city: "Montpellier" },
  { firstName: "Sébastien", lastName: "Aubert", profession: "Infirmier", specialty: null, city: "Rouen" },
  { firstName: "Marion", lastName: "Guérin", profession: "Pharmacien", specialty: "Pharmacie d'officine", city: "Lyon" },
  { firstName: "Antoine", lastName: "Boyer", profession: "Pharmacien", specialty: "Pharmacie d'officine", city: "Paris" },
  { firstName: "Chloé", lastName: "Faure", profession: "Pharmacien", specialty: "Pharmacie d'officine", city: "Annecy" },
  { firstName: "Guillaume", lastName: "André", profession: "Pharmacien", specialty: "Pharmacie hospitalière", city: "Nancy" },
  { firstName: "Nicolas", lastName: "Lacroix", profession: "Masseur-kinésithérapeute", specialty: null, city: "Lyon" },
  {
    firstName: "Laetitia",
    lastName: "Brunet",
    profession: "Masseur-kinésithérapeute",
    specialty: "Kinésithérapie respiratoire",
    city: "Nantes",
  },
  { firstName: "Benoît", lastName: "Schmitt", profession: "Masseur-kinésithérapeute", specialty: null, city: "Strasbourg" },
  {
    firstName: "Inès",
    lastName: "Ferreira",
    profession: "Masseur-kinésithérapeute",
    specialty: "Kinésithérapie du sport",
    city: "Toulouse",
  },
  { firstName: "Claire", lastName: "Leroux", profession: "Sage-femme", specialty: null, city: "Lyon" },
  { firstName: "Manon", lastName: "Noël", profession: "Sage-femme", specialty: null, city: "Angers" },
  { firstName: "Lucie", lastName: "Dumont", profession: "Sage-femme", specialty: null, city: "Le Mans" },
  { firstName: "Pierre", lastName: "Meunier", profession: "Chirurgien-dentiste", specialty: null, city: "Lyon" },
  { firstName: "Sarah", lastName: "Cohen", profession: "Chirurgien-dentiste", specialty: "Orthopédie dento-faciale", city: "Paris" },
  { firstName: "Vincent", lastName: "Hoarau", profession: "Chirurgien-dentiste", specialty: null, city: "Saint-Denis" },
  { firstName: "Agnès", lastName: "Picard", profession: MEDECIN, specialty: "Gériatrie", city: "Limoges" },
  { firstName: "Loïc", lastName: "Kerbrat", profession: MEDECIN, specialty: "Médecine générale", city: "Quimper" },
  { firstName: "Fatoumata", lastName: "Diallo", profession: MEDECIN, specialty: "Neurologie", city: "Lyon" },
];

/** The directory with its identifiers: payloads 1010001001…, each with its Luhn check digit. */
export const DEMO_DIRECTORY = ENTRIES.map((entry, index) => ({
  ...entry,
  emergencyStaff: entry.emergencyStaff ?? false,
  rpps: withRppsCheckDigit(`1010001${String(index + 1).padStart(3, "0")}`),
}));

/** Adds the directory's professionals that are missing; never changes one already there. */
export async function upsertDemoProfessionals(db: Pick<Db, "professional">): Promise<number> {
  for (const professional of DEMO_DIRECTORY) {
    await db.professional.upsert({ where: { rpps: professional.rpps }, update: {}, create: professional, select: { id: true } });
  }
  return DEMO_DIRECTORY.length;
}
