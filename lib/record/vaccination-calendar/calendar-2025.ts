/**
 * The French vaccination calendar in force, as data: "Calendrier des vaccinations et recommandations
 * vaccinales 2025", Ministère du Travail, de la Santé, des Solidarités et des Familles (Direction générale de
 * la santé), published 28 April 2025 (https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/
 * vaccination/calendrier-vaccinal). The official PDF itself could not be read from here: each item says
 * which heading of the calendar it comes from and how it was checked. "secondary" means the 2025 rule
 * was confirmed in published summaries of the 2025 calendar (Revue Pharma, May 2025; CPTS Moselle-Madon;
 * Mutuelle Dépêche, 28 April 2025); "usual" means the long-standing schedule, unchanged in 2025 as far
 * as those summaries say, and to be checked against the PDF before the page presents it as official.
 *
 * Ages are in months (12 × years). Only the general schedule is here: recommendations for particular
 * risks (pregnancy, immunosuppression, travel, professions, BCG for exposed children) need facts the
 * record does not have.
 */

/** What a dose protects against: an immunization counts for an item when it covers the item's antigens. */
export type Antigen =
  | "diphtheria"
  | "tetanus"
  | "polio"
  | "pertussis"
  | "hib"
  | "hepatitisB"
  | "pneumococcal"
  | "meningococcalB"
  | "meningococcalC"
  | "meningococcalACWY"
  | "measles"
  | "mumps"
  | "rubella"
  | "hpv"
  | "influenza"
  | "zoster"
  | "rsv";

export type Sex = "female" | "male" | "other";

/**
 * Vaccines by ATC code (WHO Collaborating Centre, class J07), the code an Immunization's vaccineCode
 * carries on French prescriptions and in the DMP, with what each protects against.
 */
export const VACCINE_CODES: Record<string, { display: string; antigens: readonly Antigen[] }> = {
  J07CA09: { display: "DTCaP-Hib-HepB (hexavalent)", antigens: ["diphtheria", "tetanus", "polio", "pertussis", "hib", "hepatitisB"] },
  J07CA06: { display: "DTCaP-Hib (pentavalent)", antigens: ["diphtheria", "tetanus", "polio", "pertussis", "hib"] },
  J07CA02: { display: "DTCaP / dTcaP", antigens: ["diphtheria", "tetanus", "polio", "pertussis"] },
  J07CA01: { display: "dTP", antigens: ["diphtheria", "tetanus", "polio"] },
  J07AG01: { display: "Haemophilus influenzae b", antigens: ["hib"] },
  J07BC01: { display: "Hépatite B", antigens: ["hepatitisB"] },
  J07AL02: { display: "Pneumocoque conjugué", antigens: ["pneumococcal"] },
  J07AH09: { display: "Méningocoque B", antigens: ["meningococcalB"] },
  J07AH07: { display: "Méningocoque C conjugué", antigens: ["meningococcalC"] },
  J07AH08: { display: "Méningocoques ACWY conjugué", antigens: ["meningococcalACWY", "meningococcalC"] },
  J07BD52: { display: "Rougeole-oreillons-rubéole", antigens: ["measles", "mumps", "rubella"] },
  J07BM03: { display: "Papillomavirus (9-valent)", antigens: ["hpv"] },
  J07BB01: { display: "Grippe (virus inactivé entier)", antigens: ["influenza"] },
  J07BB02: { display: "Grippe (inactivé, fragmenté ou sous-unitaire)", antigens: ["influenza"] },
  J07BB03: { display: "Grippe (vivant atténué)", antigens: ["influenza"] },
  J07BK03: { display: "Zona (recombinant adjuvé)", antigens: ["zoster"] },
  J07BX05: { display: "Virus respiratoire syncytial", antigens: ["rsv"] },
};

export type Dose = {
  /** The age the dose is recommended at, and from which it is due. */
  atMonths: number;
  /** Past this age the dose is overdue; without it, a dose is never overdue ("à partir de 65 ans"). */
  dueByMonths?: number;
  /** The least time after the previous dose (the next dose opens no earlier). */
  minIntervalMonths?: number;
  /** Other vaccines accepted for this dose (a first MenC dose before 2025 continues as ACWY). */
  alsoAccepts?: readonly Antigen[];
};

export type Rule =
  /** A fixed number of doses at given ages, caught up until an age, for people born from a date. */
  | { type: "series"; doses: readonly Dose[]; countsFromMonths: number; catchUpUntilMonths?: number; bornFrom?: string }
  /** Boosters at fixed ages (dTP: 25, 45, 65, then every ten years). */
  | { type: "fixedAgeBoosters"; ages: readonly number[]; thenEveryYears: number; earlyMonths: number; graceMonths: number }
  /** One dose each season from an age (influenza): the campaign's days as "MM-DD". */
  | { type: "seasonal"; fromMonths: number; campaignOpens: string; campaignCloses: string; seasonStarts: string };

export type CalendarItem = {
  id: string;
  antigens: readonly Antigen[];
  sexes?: readonly Sex[];
  status: "obligatoire" | "recommandée";
  rule: Rule;
  /** The calendar's heading the item comes from. */
  section: string;
  /** What the official text says, in short. */
  says: string;
  checked: "secondary" | "usual";
  /** What the rule above leaves out of the official text. */
  simplified?: string;
};

export type VaccinationCalendar = {
  year: number;
  title: string;
  publisher: string;
  published: string;
  url: string;
  items: readonly CalendarItem[];
};

const Y = 12;

export const CALENDAR_2025: VaccinationCalendar = {
  year: 2025,
  title: "Calendrier des vaccinations et recommandations vaccinales 2025",
  publisher: "Ministère chargé de la Santé (Direction générale de la santé)",
  published: "2025-04-28",
  url: "https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/vaccination/calendrier-vaccinal",
  items: [
    {
      id: "infant-dtcap-hib-hepb",
      antigens: ["diphtheria", "tetanus", "polio", "pertussis", "hib", "hepatitisB"],
      status: "obligatoire",
      rule: {
        type: "series",
        countsFromMonths: 1,
        doses: [
          { atMonths: 2, dueByMonths: 3 },
          { atMonths: 4, dueByMonths: 5, minIntervalMonths: 2 },
          { atMonths: 11, dueByMonths: 12, minIntervalMonths: 6 },
        ],
        catchUpUntilMonths: 5 * Y,
      },
      section: "Diphtérie, tétanos, poliomyélite, coqueluche, Haemophilus influenzae b, hépatite B — nourrissons",
      says: "Vaccin hexavalent à 2 mois (8 semaines) et 4 mois, rappel à 11 mois ; obligatoire pour les enfants nés depuis 2018.",
      checked: "secondary",
      simplified:
        "Counts hexavalent doses only (a pentavalent plus a separate hepatitis B dose is not matched); after 5 years the catch-up schedule is individual and left to the doctor.",
    },
    {
      id: "infant-pneumococcal",
      antigens: ["pneumococcal"],
      status: "obligatoire",
      rule: {
        type: "series",
        countsFromMonths: 1,
        doses: [
          { atMonths: 2, dueByMonths: 3 },
          { atMonths: 4, dueByMonths: 5, minIntervalMonths: 2 },
          { atMonths: 11, dueByMonths: 12, minIntervalMonths: 6 },
        ],
        catchUpUntilMonths: 2 * Y,
      },
      section: "Infections invasives à pneumocoque — nourrissons",
      says: "Vaccin conjugué à 2 et 4 mois, rappel à 11 mois.",
      checked: "secondary",
      simplified: "A child started late needs fewer doses; the rule asks for three whatever the starting age.",
    },
    {
      id: "infant-meningococcal-b",
      antigens: ["meningococcalB"],
      status: "obligatoire",
      rule: {
        type: "series",
        countsFromMonths: 1,
        doses: [
          { atMonths: 3, dueByMonths: 4 },
          { atMonths: 5, dueByMonths: 6, minIntervalMonths: 2 },
          { atMonths: 12, dueByMonths: 13, minIntervalMonths: 6 },
        ],
        catchUpUntilMonths: 2 * Y,
      },
      section: "Infections invasives à méningocoques — méningocoque B",
      says: "Obligatoire depuis le 1er janvier 2025 : une dose à 3 mois, à 5 mois et à 12 mois ; rattrapage jusqu'à 2 ans.",
      checked: "secondary",
      simplified: "From 12 months the catch-up is two doses and a booster 12 to 23 months later; the rule keeps three doses.",
    },
    {
      id: "infant-meningococcal-acwy",
      antigens: ["meningococcalACWY"],
      status: "obligatoire",
      rule: {
        type: "series",
        countsFromMonths: 5,
        doses: [
          { atMonths: 6, dueByMonths: 7, alsoAccepts: ["meningococcalC"] },
          { atMonths: 12, dueByMonths: 13, minIntervalMonths: 6 },
        ],
        catchUpUntilMonths: 2 * Y,
      },
      section: "Infections invasives à méningocoques — méningocoques ACWY",
      says: "Obligatoire depuis le 1er janvier 2025 (remplace le méningocoque C) : une dose à 6 mois et une dose à 12 mois ; un schéma commencé avec le vaccin C se poursuit avec le vaccin ACWY.",
      checked: "secondary",
      simplified: "A child first vaccinated between 12 and 24 months needs a single dose; the rule asks for two.",
    },
    {
      id: "mmr",
      antigens: ["measles", "mumps", "rubella"],
      status: "obligatoire",
      rule: {
        type: "series",
        countsFromMonths: 9,
        doses: [
          { atMonths: 12, dueByMonths: 13 },
          { atMonths: 16, dueByMonths: 19, minIntervalMonths: 1 },
        ],
        bornFrom: "1980-01-01",
      },
      section: "Rougeole, oreillons, rubéole",
      says: "Une dose à 12 mois, une seconde entre 16 et 18 mois ; toute personne née depuis 1980 doit avoir reçu deux doses.",
      checked: "secondary",
    },
    {
      id: "child-dtcap-6",
      antigens: ["diphtheria", "tetanus", "polio", "pertussis"],
      status: "recommandée",
      rule: { type: "series", countsFromMonths: 5 * Y, doses: [{ atMonths: 6 * Y, dueByMonths: 7 * Y }], catchUpUntilMonths: 11 * Y },
      section: "Diphtérie, tétanos, poliomyélite, coqueluche — rappels de l'enfant",
      says: "Rappel DTCaP à 6 ans.",
      checked: "usual",
    },
    {
      id: "child-dtcap-11",
      antigens: ["diphtheria", "tetanus", "polio", "pertussis"],
      status: "recommandée",
      rule: { type: "series", countsFromMonths: 10 * Y, doses: [{ atMonths: 11 * Y, dueByMonths: 14 * Y }], catchUpUntilMonths: 25 * Y },
      section: "Diphtérie, tétanos, poliomyélite, coqueluche — rappels de l'enfant",
      says: "Rappel dTcaP entre 11 et 13 ans.",
      checked: "usual",
    },
    {
      id: "hpv",
      antigens: ["hpv"],
      sexes: ["female", "male", "other"],
      status: "recommandée",
      rule: {
        type: "series",
        countsFromMonths: 9 * Y,
        doses: [
          { atMonths: 11 * Y, dueByMonths: 15 * Y },
          { atMonths: 11 * Y, dueByMonths: 15 * Y, minIntervalMonths: 6 },
        ],
        catchUpUntilMonths: 27 * Y,
      },
      section: "Infections à papillomavirus humains (HPV)",
      says: "Filles et garçons de 11 à 14 ans : deux doses espacées de 6 à 13 mois ; rattrapage de 15 à 26 ans révolus (trois doses).",
      checked: "secondary",
      simplified: "The catch-up from 15 years takes three doses; the rule counts two.",
    },
    {
      id: "teen-meningococcal-acwy",
      antigens: ["meningococcalACWY"],
      status: "recommandée",
      rule: { type: "series", countsFromMonths: 10 * Y, doses: [{ atMonths: 11 * Y, dueByMonths: 15 * Y }], catchUpUntilMonths: 25 * Y },
      section: "Infections invasives à méningocoques — adolescents et jeunes adultes",
      says: "Nouveau en 2025 : une dose ACWY pour tous les adolescents de 11 à 14 ans quel que soit leur statut vaccinal ; rattrapage de 15 à 24 ans révolus.",
      checked: "secondary",
    },
    {
      id: "adult-dtp",
      antigens: ["diphtheria", "tetanus", "polio"],
      status: "recommandée",
      // Counted from a year before the fixed age, late from the birthday itself: "à 45 ans" means by 45.
      rule: { type: "fixedAgeBoosters", ages: [25, 45, 65], thenEveryYears: 10, earlyMonths: 12, graceMonths: 0 },
      section: "Diphtérie, tétanos, poliomyélite — rappels de l'adulte",
      says: "Rappels à âges fixes : 25 ans (avec la coqueluche, dTcaP), 45 ans, 65 ans, puis tous les 10 ans (75, 85 ans…).",
      checked: "usual",
      simplified:
        "A booster counts from a year before the fixed age and is overdue from that birthday, or at once when the previous fixed-age booster was missed too; the official catch-up intervals are not encoded, nor the pertussis part of the 25-year booster.",
    },
    {
      id: "influenza",
      antigens: ["influenza"],
      status: "recommandée",
      rule: { type: "seasonal", fromMonths: 65 * Y, campaignOpens: "10-15", campaignCloses: "02-29", seasonStarts: "09-01" },
      section: "Grippe saisonnière",
      says: "Une dose chaque année à partir de 65 ans, pendant la campagne d'automne-hiver.",
      checked: "usual",
      simplified:
        "The campaign's dates change each year; the rule uses 15 October to the end of February (02-29 compares after every February day, leap year or not).",
    },
    {
      id: "zoster",
      antigens: ["zoster"],
      status: "recommandée",
      rule: { type: "series", countsFromMonths: 50 * Y, doses: [{ atMonths: 65 * Y }, { atMonths: 65 * Y, minIntervalMonths: 2 }] },
      section: "Zona",
      says: "Tous les adultes à partir de 65 ans : deux doses du vaccin recombinant (Shingrix) à deux mois d'intervalle.",
      checked: "secondary",
    },
    {
      id: "adult-pneumococcal",
      antigens: ["pneumococcal"],
      status: "recommandée",
      rule: { type: "series", countsFromMonths: 18 * Y, doses: [{ atMonths: 65 * Y }] },
      section: "Infections invasives à pneumocoque — adultes",
      says: "Nouveau en 2025 : toutes les personnes de 65 ans et plus, une dose unique du vaccin conjugué 20-valent.",
      checked: "secondary",
      simplified: "Any conjugate pneumococcal dose since 18 years counts; the official text names the 20-valent one.",
    },
    {
      id: "rsv-older-adults",
      antigens: ["rsv"],
      status: "recommandée",
      rule: { type: "series", countsFromMonths: 60 * Y, doses: [{ atMonths: 75 * Y }] },
      section: "Infections à virus respiratoire syncytial (VRS) — adultes",
      says: "Toutes les personnes de 75 ans et plus (et de 65 ans et plus avec une maladie respiratoire ou cardiaque chronique), une dose, en campagne de septembre à janvier.",
      checked: "secondary",
      simplified: "Shown as due at any time of year from 75; the 65-year-olds with a chronic disease are left to the doctor.",
    },
  ],
};
