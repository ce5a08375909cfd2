import { ALL_CRITERIA, type CriterionKey, type CriterionOutcome } from "@/lib/catalogue/criteria";
import { CATALOGUE_SYSTEM_TEXTS } from "@/lib/catalogue/system-texts";
import type { CatalogAppStatus, CatalogPriceModel, CatalogTheme, DocumentCategory, Prisma } from "@/lib/generated/prisma/client";
import type { SmartScope } from "@/lib/oauth/smart-scopes";
import type { Db } from "@/lib/server/db";

/**
 * The demo catalogue: sixteen fictional apps across the themes, with their referencing files (a review
 * of every criterion, the decisions that led to their status). Logos and screenshots are SVG files
 * under public/catalogue/<slug>/. Other demo data and tests rely on tensio-plus's scopes and on
 * croissance-bebe being suspended.
 */

type Purpose = { fr: string; en: string; optional?: boolean };
type Step = { status: CatalogAppStatus; on: string; reason: string };

type DemoApp = {
  slug: string;
  name: string;
  publisher: string;
  theme: CatalogTheme;
  summary: [fr: string, en: string];
  description: [fr: string, en: string];
  web: string;
  android?: boolean;
  ios?: boolean;
  medicalDevice?: boolean;
  connectedDevice?: boolean;
  price: CatalogPriceModel;
  regions?: string[];
  scopes: Partial<Record<SmartScope, Purpose>>;
  categories?: DocumentCategory[];
  /** Criteria judged otherwise than "met" with the default note, and why. */
  reviews?: Partial<Record<CriterionKey, [CriterionOutcome, string] | null>>;
  /** The decisions, oldest first; the last one is the app's status. */
  timeline: Step[];
};

const METNOTES: Record<CriterionKey, string> = {
  INS: "Identité nationale de santé récupérée et vérifiée par le téléservice INSi avant tout échange de document.",
  PRO_SANTE_CONNECT: "Les professionnels se connectent par Pro Santé Connect ; identifiants RPPS contrôlés à chaque session.",
  MSSANTE: "Comptes rendus envoyés par messagerie sécurisée MSSanté depuis une boîte opérateur.",
  FHIR: "Échanges conformes aux profils FHIR R4 attendus ; tests d'interopérabilité réussis.",
  HDS_HOSTING: "Données hébergées chez un hébergeur certifié HDS ; certificat en cours de validité fourni.",
  TWO_FACTOR: "Double authentification obligatoire pour les comptes patients (code à usage unique ou clé de sécurité).",
  TRANSPARENCY: "Politique de confidentialité claire, finalités listées, aucune revente de données.",
  HUMAN_SUPPORT: "Assistance joignable par téléphone et par messagerie en jours ouvrés, réponse sous 48 h.",
  ACCESSIBILITY: "Audit RGAA fourni : conformité supérieure à 75 %, plan d'amélioration publié.",
  ECO_DESIGN: "Démarche d'écoconception documentée (RGESN), application légère sans traceur publicitaire.",
};

const NO_PROFESSIONALS: DemoApp["reviews"] = {
  PRO_SANTE_CONNECT: ["NOT_APPLICABLE", "Le service ne s'adresse pas aux professionnels de santé."],
  MSSANTE: ["NOT_APPLICABLE", "Le service n'échange pas de messages avec des professionnels."],
};

const LAUNCH: Purpose = {
  fr: "Ouvrir le service sur votre espace, sans ressaisir qui vous êtes.",
  en: "Open the service on your space without entering who you are again.",
};
const OFFLINE: Purpose = {
  fr: "Synchroniser vos données en arrière-plan sans vous demander de vous reconnecter chaque jour.",
  en: "Sync your data in the background without asking you to sign in again every day.",
  optional: true,
};
const PROFILE = (fr: string, en: string, optional = false): Purpose => ({ fr, en, optional });

const listed = (submitted: string, listedOn: string, extra: Step[] = []): Step[] => [
  { status: "SUBMITTED", on: submitted, reason: CATALOGUE_SYSTEM_TEXTS.proposedByPublisher },
  {
    status: "LISTED",
    on: listedOn,
    reason: "Dossier complet : tous les critères de sécurité sont remplis, la commission a rendu un avis favorable.",
  },
  ...extra,
];

export const DEMO_APPS: DemoApp[] = [
  {
    slug: "tensio-plus",
    name: "Tensio+",
    publisher: "Cardiolink SAS",
    theme: "CHRONIC_CONDITIONS",
    summary: [
      "Suivez votre tension artérielle avec un tensiomètre connecté et partagez vos relevés.",
      "Track your blood pressure with a connected monitor and share your readings.",
    ],
    description: [
      "Tensio+ relève automatiquement les mesures de votre tensiomètre connecté et les range dans votre espace santé, où votre médecin peut les consulter.\n\nL'application vous rappelle les séries de mesures recommandées (trois le matin, trois le soir, trois jours de suite) et vous montre l'évolution de vos chiffres sur plusieurs mois.\n\nPour interpréter vos relevés, elle peut lire vos derniers résultats de biologie et vos ordonnances : c'est vous qui choisissez les catégories de documents partagées.",
      "Tensio+ records your connected monitor's readings automatically and files them in your health space, where your doctor can see them.\n\nThe app reminds you of the recommended series of readings (three in the morning, three in the evening, three days running) and shows how your figures change over months.\n\nTo put readings in context it can read your latest lab results and prescriptions: you choose which document categories are shared.",
    ],
    web: "https://tensio-plus.example",
    android: true,
    ios: true,
    medicalDevice: true,
    connectedDevice: true,
    price: "FREEMIUM",
    scopes: {
      "launch/patient": LAUNCH,
      offline_access: OFFLINE,
      "patient/Patient.r": PROFILE(
        "Afficher votre nom et votre âge sur vos relevés imprimés.",
        "Show your name and age on printed readings.",
        true,
      ),
      "patient/DocumentReference.rs": {
        fr: "Lire vos résultats de biologie et vos ordonnances pour les rapprocher de vos relevés.",
        en: "Read your lab results and prescriptions to set them beside your readings.",
      },
      "patient/Observation.c": {
        fr: "Enregistrer dans votre espace les mesures de tension prises avec le tensiomètre.",
        en: "Save the blood pressure readings taken with the monitor in your space.",
      },
    },
    categories: ["LAB_RESULTS", "PRESCRIPTION"],
    reviews: {
      ...NO_PROFESSIONALS,
      ACCESSIBILITY: ["MET", "Audit RGAA de mars : 82 % de conformité ; les graphiques ont une alternative en tableau."],
    },
    timeline: listed("2026-01-12", "2026-02-20"),
  },
  {
    slug: "rdv-sante-facile",
    name: "RDV Santé Facile",
    publisher: "Agenda Médical SA",
    theme: "APPOINTMENTS",
    summary: ["Prenez rendez-vous avec vos professionnels de santé en ligne.", "Book appointments with your health professionals online."],
    description: [
      "RDV Santé Facile affiche les créneaux libres de plus de 40 000 professionnels et vous permet de réserver, déplacer ou annuler un rendez-vous en quelques secondes.\n\nConnecté à votre espace, le service préremplit votre identité au moment de la réservation : vous n'avez plus à ressaisir votre nom, votre date de naissance ou votre numéro de sécurité sociale.\n\nLes rappels de rendez-vous sont envoyés par SMS ou par e-mail, selon votre choix.",
      "RDV Santé Facile shows the free slots of more than 40,000 professionals and lets you book, move or cancel an appointment in seconds.\n\nConnected to your space, the service fills in your identity when you book: no more typing your name, birth date or social security number.\n\nAppointment reminders are sent by text message or e-mail, as you prefer.",
    ],
    web: "https://rdv-sante-facile.example",
    android: true,
    ios: true,
    price: "FREE",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE(
        "Préremplir votre identité lors de la prise de rendez-vous.",
        "Fill in your identity when you book an appointment.",
      ),
    },
    reviews: {
      MSSANTE: ["NOT_APPLICABLE", "Aucun document médical n'est échangé."],
      INS: ["MET", "INS qualifiée utilisée pour transmettre l'identité au cabinet."],
    },
    timeline: listed("2025-11-03", "2025-12-15"),
  },
  {
    slug: "mon-pas-prevention",
    name: "MonPas Prévention",
    publisher: "Association Bouger Plus",
    theme: "PREVENTION",
    summary: [
      "Des programmes d'activité physique adaptés et vos rappels de dépistage.",
      "Adapted physical-activity programmes and your screening reminders.",
    ],
    description: [
      "MonPas Prévention propose des programmes de marche et de renforcement conçus avec des enseignants en activité physique adaptée, pour tous les niveaux.\n\nL'application compte vos pas et enregistre vos séances dans votre espace santé. Elle lit vos documents de prévention et de vaccination pour vous rappeler les dépistages et les rappels de vaccins à venir.\n\nLe service est financé par des caisses régionales et reste gratuit.",
      "MonPas Prévention offers walking and strength programmes designed with adapted physical-activity teachers, for every level.\n\nThe app counts your steps and records your sessions in your health space. It reads your prevention and vaccination documents to remind you of upcoming screenings and booster shots.\n\nThe service is funded by regional health insurance funds and stays free.",
    ],
    web: "https://monpas.example",
    android: true,
    ios: true,
    price: "FREE",
    regions: ["FR-ARA", "FR-BFC"],
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE("Adapter les programmes à votre âge.", "Fit the programmes to your age.", true),
      "patient/DocumentReference.rs": {
        fr: "Lire vos documents de prévention et de vaccination pour vous rappeler les échéances.",
        en: "Read your prevention and vaccination documents to remind you of what is due.",
      },
      "patient/Observation.c": { fr: "Enregistrer votre nombre de pas quotidien.", en: "Record your daily step count.", optional: true },
    },
    categories: ["PREVENTION", "VACCINATION"],
    reviews: { ...NO_PROFESSIONALS, ECO_DESIGN: ["MET", "Pas de vidéo en lecture automatique ; l'application fonctionne hors connexion."] },
    timeline: listed("2025-09-18", "2025-11-05"),
  },
  {
    slug: "pharma-proche",
    name: "Pharma Proche",
    publisher: "Officines Réunies",
    theme: "PHARMACY",
    summary: [
      "Envoyez votre ordonnance à votre pharmacie et soyez prévenu quand elle est prête.",
      "Send your prescription to your pharmacy and be told when it is ready.",
    ],
    description: [
      "Pharma Proche transmet votre ordonnance à la pharmacie de votre choix avant votre passage : vos médicaments sont préparés, vous êtes prévenu quand ils vous attendent.\n\nLe service lit uniquement les ordonnances de votre espace que vous choisissez d'envoyer. Le pharmacien garde la main sur la délivrance, comme au comptoir.\n\nPlus de 1 200 officines participent en Île-de-France et dans les Hauts-de-France.",
      "Pharma Proche sends your prescription to the pharmacy of your choice before you go: your medicines are prepared and you are told when they are waiting for you.\n\nThe service reads only the prescriptions in your space that you choose to send. The pharmacist still decides on dispensing, as at the counter.\n\nMore than 1,200 pharmacies take part in Île-de-France and Hauts-de-France.",
    ],
    web: "https://pharma-proche.example",
    android: true,
    ios: true,
    price: "FREE",
    regions: ["FR-IDF", "FR-HDF"],
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE(
        "Donner votre nom à la pharmacie pour qu'elle prépare votre commande.",
        "Give the pharmacy your name so it can prepare your order.",
      ),
      "patient/DocumentReference.rs": {
        fr: "Lire l'ordonnance que vous envoyez à la pharmacie.",
        en: "Read the prescription you send to the pharmacy.",
      },
    },
    categories: ["PRESCRIPTION"],
    reviews: { PRO_SANTE_CONNECT: ["MET", "Les pharmaciens se connectent par Pro Santé Connect (carte CPS ou e-CPS)."] },
    timeline: listed("2025-10-01", "2025-11-20"),
  },
  {
    slug: "esprit-serein",
    name: "Esprit Serein",
    publisher: "Psy&Vous",
    theme: "MENTAL_HEALTH",
    summary: [
      "Exercices guidés et mise en relation avec des psychologues conventionnés.",
      "Guided exercises and contact with psychologists covered by health insurance.",
    ],
    description: [
      "Esprit Serein propose des exercices de respiration, de relaxation et de gestion du stress, écrits avec des psychologues cliniciens.\n\nSi vous le souhaitez, le service vous met en relation avec un psychologue du dispositif remboursé par l'Assurance Maladie près de chez vous.\n\nLe service ne lit aucun document de votre espace : il a seulement besoin de votre identité pour la prise de contact.",
      "Esprit Serein offers breathing, relaxation and stress-management exercises written with clinical psychologists.\n\nIf you wish, the service puts you in touch with a psychologist near you whose sessions are reimbursed by health insurance.\n\nThe service reads no document in your space: it only needs your identity to make the contact.",
    ],
    web: "https://esprit-serein.example",
    android: true,
    ios: true,
    price: "FREEMIUM",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE(
        "Transmettre votre nom et votre âge au psychologue que vous contactez.",
        "Pass your name and age to the psychologist you contact.",
      ),
    },
    reviews: {
      ...NO_PROFESSIONALS,
      INS: ["NOT_APPLICABLE", "Aucun document n'est produit ni rattaché à l'identité du patient."],
      HUMAN_SUPPORT: ["MET", "Ligne d'écoute renvoyant vers le 3114 en cas d'urgence, affichée sur chaque écran."],
    },
    timeline: listed("2026-02-02", "2026-03-30"),
  },
  {
    slug: "croissance-bebe",
    name: "Croissance Bébé",
    publisher: "PetitPas Santé",
    theme: "CHILDREN",
    summary: ["Courbes de croissance et calendrier vaccinal de votre enfant.", "Your child's growth charts and vaccination schedule."],
    description: [
      "Croissance Bébé trace les courbes de poids, de taille et de périmètre crânien de votre enfant à partir des mesures que vous saisissez ou que lit votre pèse-bébé connecté.\n\nL'application suit le calendrier vaccinal et vous rappelle les prochains rendez-vous, en lisant les documents de vaccination de votre espace.\n\nLe service est actuellement suspendu : voyez le dossier de référencement ci-dessous.",
      "Croissance Bébé plots your child's weight, height and head circumference from the measurements you enter or your connected baby scale reads.\n\nThe app follows the vaccination schedule and reminds you of the next appointments by reading the vaccination documents in your space.\n\nThe service is currently suspended: see the referencing file below.",
    ],
    web: "https://croissance-bebe.example",
    android: true,
    ios: true,
    connectedDevice: true,
    price: "FREEMIUM",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE("Afficher le nom de l'enfant sur ses courbes.", "Show the child's name on the charts."),
      "patient/DocumentReference.rs": {
        fr: "Lire les documents de vaccination pour suivre le calendrier vaccinal.",
        en: "Read vaccination documents to follow the schedule.",
      },
      "patient/Observation.c": { fr: "Enregistrer les mesures de poids et de taille.", en: "Record weight and height measurements." },
    },
    categories: ["VACCINATION"],
    reviews: {
      ...NO_PROFESSIONALS,
      HDS_HOSTING: [
        "NOT_MET",
        "Changement d'hébergeur annoncé en cours d'année : la certification HDS du nouveau prestataire n'a pas pu être vérifiée.",
      ],
    },
    timeline: listed("2025-06-10", "2025-07-22", [
      {
        status: "SUSPENDED",
        on: "2026-10-14",
        reason:
          "Les données ont été transférées chez un hébergeur dont la certification HDS n'a pas pu être vérifiée. Service suspendu le temps de l'audit.",
      },
    ]),
  },
  {
    slug: "gluco-suivi",
    name: "GlucoSuivi",
    publisher: "Diabeto Connect",
    theme: "CHRONIC_CONDITIONS",
    summary: [
      "Le carnet de glycémie connecté à votre lecteur, avec vos objectifs fixés par votre diabétologue.",
      "A blood-glucose diary linked to your meter, with the targets your diabetologist set.",
    ],
    description: [
      "GlucoSuivi récupère les valeurs de votre lecteur de glycémie ou de votre capteur en continu et les enregistre dans votre espace santé.\n\nVous voyez vos moyennes, vos hypoglycémies et le temps passé dans la cible. L'application lit vos résultats de biologie pour suivre votre hémoglobine glyquée d'un bilan à l'autre.\n\nGlucoSuivi est un dispositif médical de classe IIa, marqué CE.",
      "GlucoSuivi collects the values of your glucose meter or continuous sensor and saves them in your health space.\n\nYou see your averages, your lows and your time in range. The app reads your lab results to follow your HbA1c from one test to the next.\n\nGlucoSuivi is a class IIa medical device with CE marking.",
    ],
    web: "https://glucosuivi.example",
    android: true,
    ios: true,
    medicalDevice: true,
    connectedDevice: true,
    price: "PAID",
    scopes: {
      "launch/patient": LAUNCH,
      offline_access: OFFLINE,
      "patient/DocumentReference.rs": {
        fr: "Lire vos résultats de biologie pour suivre votre hémoglobine glyquée.",
        en: "Read your lab results to follow your HbA1c.",
      },
      "patient/Observation.rs": {
        fr: "Afficher les glycémies déjà présentes dans votre espace.",
        en: "Show the glucose readings already in your space.",
      },
      "patient/Observation.c": { fr: "Enregistrer les glycémies de votre lecteur.", en: "Save your meter's glucose readings." },
    },
    categories: ["LAB_RESULTS"],
    reviews: { MSSANTE: ["MET", "Synthèse mensuelle envoyée au diabétologue par MSSanté, avec l'accord du patient."] },
    timeline: listed("2025-12-01", "2026-01-28"),
  },
  {
    slug: "pesee-zen",
    name: "Pesée Zen",
    publisher: "Balances Hexa",
    theme: "CONNECTED_DEVICES",
    summary: [
      "Votre balance connectée enregistre poids et composition corporelle dans votre espace.",
      "Your connected scale records weight and body composition in your space.",
    ],
    description: [
      "Pesée Zen associe votre balance connectée à votre espace santé : chaque pesée y est enregistrée automatiquement, sans saisie.\n\nL'application présente l'évolution de votre poids sans objectif imposé ni comparaison avec d'autres utilisateurs, pour un suivi serein.\n\nLa balance n'est pas un dispositif médical : ses mesures sont indicatives.",
      "Pesée Zen links your connected scale to your health space: each weighing is saved automatically, with nothing to type.\n\nThe app shows how your weight changes with no imposed target and no comparison with other users, for a calm follow-up.\n\nThe scale is not a medical device: its measurements are indicative.",
    ],
    web: "https://pesee-zen.example",
    android: true,
    ios: true,
    connectedDevice: true,
    price: "FREE",
    scopes: {
      "launch/patient": LAUNCH,
      offline_access: OFFLINE,
      "patient/Observation.c": { fr: "Enregistrer vos pesées.", en: "Save your weighings." },
    },
    reviews: { ...NO_PROFESSIONALS, INS: ["NOT_APPLICABLE", "Seules des mesures sont écrites ; aucun document n'est produit."] },
    timeline: listed("2026-03-04", "2026-04-16"),
  },
  {
    slug: "souffle-libre",
    name: "Souffle Libre",
    publisher: "RespiraTech",
    theme: "CHRONIC_CONDITIONS",
    summary: [
      "Suivi de l'asthme : débit expiratoire de pointe, symptômes et plan d'action.",
      "Asthma follow-up: peak flow, symptoms and action plan.",
    ],
    description: [
      "Souffle Libre vous aide à suivre votre asthme au quotidien : vous notez votre débit expiratoire de pointe et vos symptômes, l'application vous indique la zone de votre plan d'action.\n\nLes mesures sont enregistrées dans votre espace santé et peuvent être montrées à votre pneumologue.\n\nLe service est proposé dans le cadre d'un programme régional d'éducation thérapeutique en Occitanie et en Provence-Alpes-Côte d'Azur.",
      "Souffle Libre helps you follow your asthma day by day: you note your peak flow and symptoms, and the app tells you which zone of your action plan you are in.\n\nReadings are saved in your health space and can be shown to your lung specialist.\n\nThe service is offered within a regional therapeutic education programme in Occitanie and Provence-Alpes-Côte d'Azur.",
    ],
    web: "https://souffle-libre.example",
    android: true,
    medicalDevice: true,
    price: "FREEMIUM",
    regions: ["FR-OCC", "FR-PAC"],
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Observation.rs": { fr: "Afficher vos mesures de souffle précédentes.", en: "Show your previous peak-flow readings." },
      "patient/Observation.c": { fr: "Enregistrer vos mesures de débit expiratoire de pointe.", en: "Save your peak-flow readings." },
    },
    reviews: {
      ...NO_PROFESSIONALS,
      ACCESSIBILITY: ["MET", "Audit RGAA : 76 % ; l'application iOS n'existe pas encore, la version web est accessible."],
    },
    timeline: listed("2025-08-25", "2025-10-09"),
  },
  {
    slug: "admission-express",
    name: "Admission Express",
    publisher: "GIE Hôpitaux Numériques",
    theme: "PRE_ADMISSION",
    summary: [
      "Préparez votre admission à l'hôpital en ligne et évitez l'attente au bureau des entrées.",
      "Prepare your hospital admission online and skip the admissions desk queue.",
    ],
    description: [
      "Admission Express vous permet de remplir votre dossier d'admission avant une hospitalisation programmée : identité, couverture sociale, personne de confiance.\n\nAvec votre accord, l'établissement reçoit vos documents administratifs, votre dernière synthèse médicale et vos directives anticipées, pour que l'équipe soignante les ait dès votre arrivée.\n\nLe service est utilisé par 35 établissements publics et privés d'Île-de-France et de Normandie.",
      "Admission Express lets you fill in your admission file before a planned hospital stay: identity, health cover, trusted person.\n\nWith your agreement, the hospital receives your administrative documents, your latest medical summary and your advance directives, so the care team has them when you arrive.\n\nThe service is used by 35 public and private hospitals in Île-de-France and Normandy.",
    ],
    web: "https://admission-express.example",
    ios: true,
    android: true,
    price: "FREE",
    regions: ["FR-IDF", "FR-NOR"],
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE("Préremplir votre dossier d'admission.", "Fill in your admission file."),
      "patient/DocumentReference.rs": {
        fr: "Transmettre à l'établissement les documents que vous choisissez pour votre admission.",
        en: "Send the hospital the documents you choose for your admission.",
      },
    },
    categories: ["ADMINISTRATIVE", "MEDICAL_SUMMARY", "ADVANCE_DIRECTIVES"],
    reviews: { PRO_SANTE_CONNECT: ["MET", "Les agents d'admission et les soignants se connectent par Pro Santé Connect."] },
    timeline: listed("2026-04-06", "2026-06-02"),
  },
  {
    slug: "vaccifamille",
    name: "VacciFamille",
    publisher: "Carnet Commun",
    theme: "CHILDREN",
    summary: [
      "Les carnets de vaccination de toute la famille, avec les rappels à venir.",
      "The whole family's vaccination records, with upcoming boosters.",
    ],
    description: [
      "VacciFamille rassemble les vaccinations de chaque membre de la famille à partir des documents de vaccination de vos espaces santé.\n\nL'application suit le calendrier vaccinal en vigueur et vous prévient avant chaque rappel, pour les enfants comme pour les adultes.\n\nAucune donnée n'est utilisée à d'autres fins que ces rappels.",
      "VacciFamille gathers each family member's vaccinations from the vaccination documents of your health spaces.\n\nThe app follows the current vaccination schedule and warns you before each booster, for children and adults alike.\n\nNo data is used for anything but these reminders.",
    ],
    web: "https://vaccifamille.example",
    android: true,
    ios: true,
    price: "FREE",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE("Calculer les rappels selon la date de naissance.", "Work out boosters from the birth date."),
      "patient/DocumentReference.rs": { fr: "Lire vos documents de vaccination.", en: "Read your vaccination documents." },
    },
    categories: ["VACCINATION"],
    reviews: { ...NO_PROFESSIONALS },
    timeline: listed("2026-05-11", "2026-07-01"),
  },
  {
    slug: "nuit-paisible",
    name: "Nuit Paisible",
    publisher: "Somnia Labs",
    theme: "MENTAL_HEALTH",
    summary: [
      "Programme d'amélioration du sommeil fondé sur les thérapies cognitives et comportementales.",
      "A sleep-improvement programme based on cognitive behavioural therapy.",
    ],
    description: [
      "Nuit Paisible proposait un programme de six semaines pour améliorer le sommeil, avec un agenda du sommeil et des séances audio.\n\nLe service a été retiré du catalogue : voyez le dossier de référencement pour la raison.",
      "Nuit Paisible offered a six-week programme to improve sleep, with a sleep diary and audio sessions.\n\nThe service was removed from the catalogue: see the referencing file for the reason.",
    ],
    web: "https://nuit-paisible.example",
    ios: true,
    price: "PAID",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE("Personnaliser le programme selon votre âge.", "Tailor the programme to your age."),
      "patient/Observation.c": { fr: "Enregistrer la durée de vos nuits.", en: "Record how long you sleep." },
    },
    reviews: {
      ...NO_PROFESSIONALS,
      TRANSPARENCY: [
        "NOT_MET",
        "Des données d'usage étaient transmises à une régie publicitaire, ce que la politique de confidentialité ne disait pas.",
      ],
    },
    timeline: listed("2025-04-14", "2025-06-03", [
      {
        status: "SUSPENDED",
        on: "2026-05-19",
        reason: "Signalements concordants : transmission de données d'usage à une régie publicitaire. Suspension le temps de l'enquête.",
      },
      {
        status: "DELISTED",
        on: "2026-07-08",
        reason:
          "L'enquête a confirmé la revente de données d'usage à des tiers, contraire aux conditions de référencement. Retrait définitif.",
      },
    ]),
  },
  {
    slug: "rappel-depistage",
    name: "Rappel Dépistage",
    publisher: "Prévention Pour Tous",
    theme: "PREVENTION",
    summary: [
      "Les dépistages recommandés pour votre âge, au bon moment, sans oubli.",
      "The screenings recommended for your age, at the right time, never forgotten.",
    ],
    description: [
      "Rappel Dépistage vous indique les dépistages organisés auxquels vous avez droit (cancer du sein, cancer colorectal, col de l'utérus) et vous rappelle leur échéance.\n\nL'application lit vos documents de prévention et vos résultats pour savoir quand a eu lieu le dernier examen, sans vous le redemander.\n\nLe service est porté par une association reconnue d'utilité publique et reste gratuit.",
      "Rappel Dépistage tells you which organised screenings you are entitled to (breast, colorectal and cervical cancer) and reminds you when they are due.\n\nThe app reads your prevention documents and results to know when the last test took place, without asking you again.\n\nThe service is run by a non-profit recognised as being of public utility and stays free.",
    ],
    web: "https://rappel-depistage.example",
    android: true,
    ios: true,
    price: "FREE",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE(
        "Connaître votre âge et votre sexe pour proposer les bons dépistages.",
        "Know your age and sex to suggest the right screenings.",
      ),
      "patient/DocumentReference.rs": {
        fr: "Lire vos documents de prévention et vos résultats pour dater le dernier dépistage.",
        en: "Read your prevention documents and results to date your last screening.",
      },
    },
    categories: ["PREVENTION", "LAB_RESULTS"],
    reviews: { ...NO_PROFESSIONALS },
    timeline: listed("2026-01-20", "2026-03-12"),
  },
  {
    slug: "cardiowatch",
    name: "CardioWatch",
    publisher: "Pulsar Médical",
    theme: "CONNECTED_DEVICES",
    summary: [
      "Une montre qui enregistre votre électrocardiogramme et votre rythme cardiaque.",
      "A watch that records your ECG and heart rhythm.",
    ],
    description: [
      "CardioWatch enregistre un électrocardiogramme à une dérivation en trente secondes et détecte les signes de fibrillation atriale.\n\nLes tracés et votre fréquence cardiaque sont enregistrés dans votre espace santé, où votre cardiologue peut les consulter avec votre accord.\n\nLa montre et son application forment un dispositif médical de classe IIa.",
      "CardioWatch records a single-lead ECG in thirty seconds and detects signs of atrial fibrillation.\n\nTracings and your heart rate are saved in your health space, where your cardiologist can see them with your agreement.\n\nThe watch and its app are a class IIa medical device.",
    ],
    web: "https://cardiowatch.example",
    android: true,
    ios: true,
    medicalDevice: true,
    connectedDevice: true,
    price: "PAID",
    scopes: {
      "launch/patient": LAUNCH,
      offline_access: OFFLINE,
      "patient/Observation.rs": { fr: "Afficher votre historique de fréquence cardiaque.", en: "Show your heart-rate history." },
      "patient/Observation.c": {
        fr: "Enregistrer vos mesures de fréquence cardiaque et vos tracés.",
        en: "Save your heart-rate readings and tracings.",
      },
    },
    reviews: {
      ...NO_PROFESSIONALS,
      ECO_DESIGN: ["NOT_MET", "Aucune démarche d'écoconception présentée ; l'éditeur s'est engagé à en fournir une au renouvellement."],
    },
    timeline: listed("2026-02-16", "2026-04-02"),
  },
  {
    slug: "pilulier-malin",
    name: "Pilulier Malin",
    publisher: "MédiRappel",
    theme: "PHARMACY",
    summary: [
      "Des rappels de prise de médicaments construits à partir de vos ordonnances.",
      "Medicine reminders built from your prescriptions.",
    ],
    description: [
      "Pilulier Malin lit vos ordonnances et prépare un planning de prises : l'application vous rappelle chaque médicament à la bonne heure et vous signale la fin d'un traitement.\n\nVous pouvez partager votre planning avec un proche aidant.\n\nLe service est en cours d'examen par l'équipe de référencement.",
      "Pilulier Malin reads your prescriptions and builds a dosing schedule: the app reminds you of each medicine at the right time and tells you when a treatment ends.\n\nYou can share your schedule with a family carer.\n\nThe service is being reviewed by the referencing team.",
    ],
    web: "https://pilulier-malin.example",
    android: true,
    price: "FREEMIUM",
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE("Afficher votre nom sur le planning imprimé.", "Show your name on the printed schedule.", true),
      "patient/DocumentReference.rs": {
        fr: "Lire vos ordonnances pour construire le planning de prises.",
        en: "Read your prescriptions to build the dosing schedule.",
      },
    },
    categories: ["PRESCRIPTION"],
    // Waiting for review: only the interoperability family has been looked at so far.
    reviews: {
      ...NO_PROFESSIONALS,
      HDS_HOSTING: null,
      TWO_FACTOR: null,
      TRANSPARENCY: null,
      HUMAN_SUPPORT: null,
      ACCESSIBILITY: null,
      ECO_DESIGN: null,
    },
    timeline: [{ status: "SUBMITTED", on: "2026-11-02", reason: CATALOGUE_SYSTEM_TEXTS.proposedByPublisher }],
  },
  {
    slug: "kine-domicile",
    name: "KinéDomicile",
    publisher: "Réseau Kiné Ouest",
    theme: "APPOINTMENTS",
    summary: [
      "Trouvez un kinésithérapeute qui se déplace chez vous et réservez vos séances.",
      "Find a physiotherapist who comes to your home and book your sessions.",
    ],
    description: [
      "KinéDomicile met en relation les patients qui ne peuvent pas se déplacer avec les kinésithérapeutes de leur secteur qui font des visites à domicile.\n\nLe service lit l'ordonnance de kinésithérapie et le dernier compte rendu que vous choisissez de partager, pour que le professionnel prépare la première séance.\n\nLe réseau couvre la Bretagne et les Pays de la Loire.",
      "KinéDomicile puts patients who cannot travel in touch with local physiotherapists who make home visits.\n\nThe service reads the physiotherapy prescription and the latest report you choose to share, so the professional can prepare the first session.\n\nThe network covers Brittany and Pays de la Loire.",
    ],
    web: "https://kine-domicile.example",
    android: true,
    ios: true,
    price: "FREEMIUM",
    regions: ["FR-BRE", "FR-PDL"],
    scopes: {
      "launch/patient": LAUNCH,
      "patient/Patient.r": PROFILE(
        "Transmettre votre identité et votre adresse de visite au kinésithérapeute.",
        "Give the physiotherapist your identity and visit address.",
      ),
      "patient/DocumentReference.rs": {
        fr: "Lire l'ordonnance et le compte rendu que vous partagez.",
        en: "Read the prescription and report you share.",
      },
    },
    categories: ["PRESCRIPTION", "REPORT"],
    reviews: { MSSANTE: ["MET", "Bilans de fin de traitement envoyés au médecin prescripteur par MSSanté."] },
    timeline: listed("2026-06-15", "2026-08-27"),
  },
];

const day = (iso: string, hours = 10) => new Date(`${iso}T${String(hours).padStart(2, "0")}:00:00Z`);

function reviewsOf(app: DemoApp): Prisma.CatalogCriterionReviewCreateManyAppInput[] {
  const submitted = app.timeline[0].on;
  const reviewedOn = day(submitted, 15);
  reviewedOn.setUTCDate(reviewedOn.getUTCDate() + 14);
  return ALL_CRITERIA.flatMap((criterion) => {
    const override = app.reviews?.[criterion];
    if (override === null) return [];
    const [outcome, note] = override ?? ["MET", METNOTES[criterion]];
    return [{ criterion, outcome, note, reviewedAt: reviewedOn }];
  });
}

function createInput(app: DemoApp): Prisma.CatalogAppCreateInput {
  const last = app.timeline.at(-1)!;
  return {
    ...descriptive(app),
    status: last.status,
    statusReason: last.status === "SUBMITTED" ? null : last.reason,
    statusChangedAt: day(last.on),
    createdAt: day(app.timeline[0].on, 9),
    reviews: { createMany: { data: reviewsOf(app) } },
    decisions: {
      createMany: {
        data: app.timeline.map((step) => ({
          status: step.status,
          reason: step.reason,
          actorLabel: step.status === "SUBMITTED" ? app.publisher : CATALOGUE_SYSTEM_TEXTS.curationTeam,
          createdAt: day(step.on),
        })),
      },
    },
  };
}

function descriptive(app: DemoApp) {
  return {
    slug: app.slug,
    name: app.name,
    publisher: app.publisher,
    theme: app.theme,
    summaryFr: app.summary[0],
    summaryEn: app.summary[1],
    descriptionFr: app.description[0],
    descriptionEn: app.description[1],
    websiteUrl: app.web,
    androidUrl: app.android ? `https://play.google.com/store/apps/details?id=example.${app.slug.replace(/-/g, "")}` : null,
    iosUrl: app.ios ? `https://apps.apple.com/fr/app/${app.slug}/id000000` : null,
    termsUrl: `${app.web}/conditions-generales`,
    contactEmail: `referencement@${new URL(app.web).hostname}`,
    logoPath: `/catalogue/${app.slug}/logo.svg`,
    screenshots: [`/catalogue/${app.slug}/ecran-1.svg`, `/catalogue/${app.slug}/ecran-2.svg`],
    medicalDevice: app.medicalDevice ?? false,
    connectedDevice: app.connectedDevice ?? false,
    priceModel: app.price,
    regions: app.regions ?? [],
    requestedScopes: Object.keys(app.scopes),
    scopePurposes: Object.fromEntries(
      Object.entries(app.scopes).map(([scope, purpose]) => [
        scope,
        { fr: purpose.fr, en: purpose.en, optional: purpose.optional ?? false },
      ]),
    ),
    documentCategories: app.categories ?? [],
  };
}

/**
 * Creates the demo apps that do not exist yet, with their referencing files. An app that exists keeps
 * everything a curator changed (status, reviews, decisions); only a row left by the first, bare seed
 * (no description yet) gets its descriptive fields, reviews and decisions filled in. Returns how many
 * demo apps there are.
 */
export async function seedDemoCatalogue(db: Db): Promise<number> {
  for (const app of DEMO_APPS) {
    const existing = await db.catalogApp.findUnique({
      where: { slug: app.slug },
      select: { id: true, descriptionFr: true, status: true, statusReason: true, _count: { select: { decisions: true } } },
    });
    if (!existing) {
      await db.catalogApp.create({ data: createInput(app), select: { id: true } });
      continue;
    }
    if (existing.descriptionFr !== "") continue;
    const input = createInput(app);
    const keepsDemoStatus = existing.status === input.status && !existing.statusReason;
    await db.catalogApp.update({
      where: { id: existing.id },
      data: { ...descriptive(app), ...(keepsDemoStatus && { statusReason: input.statusReason, statusChangedAt: input.statusChangedAt }) },
      select: { id: true },
    });
    await db.catalogCriterionReview.createMany({
      data: reviewsOf(app).map((review) => ({ ...review, appId: existing.id })),
      skipDuplicates: true,
    });
    if (existing._count.decisions === 0) {
      await db.catalogDecision.createMany({
        data: (input.decisions!.createMany!.data as Prisma.CatalogDecisionCreateManyAppInput[]).map((decision) => ({
          ...decision,
          appId: existing.id,
        })),
      });
    }
  }
  return DEMO_APPS.length;
}
