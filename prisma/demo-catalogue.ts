import type { Db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The demo catalogue: fictional referenced apps across the themes. */
export const DEMO_APPS: Prisma.CatalogAppCreateInput[] = [
  { slug: "tensio-plus", name: "Tensio+", publisher: "Cardiolink SAS", theme: "CHRONIC_CONDITIONS", medicalDevice: true, websiteUrl: "https://tensio-plus.example", summaryFr: "Suivez votre tension artérielle avec un tensiomètre connecté et partagez vos relevés.", status: "LISTED", summaryEn: "Track your blood pressure with a connected monitor and share your readings." },
  { slug: "rdv-sante-facile", name: "RDV Santé Facile", publisher: "Agenda Médical SA", theme: "APPOINTMENTS", websiteUrl: "https://rdv-sante-facile.example", summaryFr: "Prenez rendez-vous avec vos professionnels de santé en ligne.", status: "LISTED", summaryEn: "Book appointments with your health professionals online." },
  { slug: "mon-pas-prevention", name: "MonPas Prévention", publisher: "Association Bouger Plus", theme: "PREVENTION", websiteUrl: "https://monpas.example", summaryFr: "Des programmes d'activité physique adaptés et vos rappels de dépistage.", status: "LISTED", summaryEn: "Adapted physical-activity programmes and your screening reminders." },
  { slug: "pharma-proche", name: "Pharma Proche", publisher: "Officines Réunies", theme: "PHARMACY", websiteUrl: "https://pharma-proche.example", summaryFr: "Envoyez votre ordonnance à votre pharmacie et soyez prévenu quand elle est prête.", status: "LISTED", summaryEn: "Send your prescription to your pharmacy and be told when it is ready." },
  { slug: "esprit-serein", name: "Esprit Serein", publisher: "Psy&Vous", theme: "MENTAL_HEALTH", websiteUrl: "https://esprit-serein.example", summaryFr: "Exercices guidés et mise en relation avec des psychologues conventionnés.", status: "LISTED", summaryEn: "Guided exercises and contact with psychologists covered by health insurance." },
  { slug: "croissance-bebe", name: "Croissance Bébé", publisher: "PetitPas Santé", theme: "CHILDREN", websiteUrl: "https://croissance-bebe.example", summaryFr: "Courbes de croissance et calendrier vaccinal de votre enfant.", status: "SUSPENDED", summaryEn: "Your child's growth charts and vaccination schedule." },
];

/** Creates the demo apps that do not exist yet (a curator's later changes are kept). Returns how many there are. */
export async function seedDemoCatalogue(db: Db): Promise<number> {
  for (const app of DEMO_APPS) {
    await db.catalogApp.upsert({ where: { slug: app.slug }, update: {}, create: app });
  }
  return DEMO_APPS.length;
}
