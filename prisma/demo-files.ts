/**
 * The demo documents' files, made in memory at seed time (nothing binary in the repository): small
 * PDFs whose French text matches their titles, a synthetic knee X-ray as a PNG, and a plain-text note.
 * Fictional people and values, for previews and downloads in the demo.
 */
import { withRppsCheckDigit } from "@/lib/identifiers/rpps";
import { buildTestPdf } from "@/lib/server/vault/pdf/build-test-pdf";
import { buildGreyPng } from "@/lib/vault/files/build-png";

export type DemoFile = { fileName: string; bytes: Buffer };

// The PDF builder writes WinAnsi via Latin-1: plain hyphens, no en dashes or curly quotes.
const PRESCRIPTION = [
  "Dr Sophie Bernard - Médecine générale",
  `12 rue de la République, 69002 Lyon - RPPS ${withRppsCheckDigit("1010000001")}`,
  "",
  "ORDONNANCE",
  "",
  "Lyon, le 14 septembre 2026",
  "Mme Camille Martin, née le 12/05/1984",
  "",
  "Amlodipine 5 mg : 1 comprimé le matin.",
  "Traitement de l'hypertension artérielle, pour 3 mois.",
  "Contrôle de la tension à domicile : 3 mesures matin et soir,",
  "pendant les 3 jours qui précèdent la prochaine consultation.",
  "",
  "Dr S. Bernard",
];

const LAB_RESULTS = [
  "Laboratoire BioSanté Lyon 3 - 45 cours Gambetta, 69003 Lyon",
  "",
  "COMPTE RENDU D'ANALYSES - BILAN SANGUIN ANNUEL",
  "Patiente : Camille Martin, née le 12/05/1984 - Prélèvement du 2 juin 2026 à 8 h 10, à jeun",
  "",
  "Hémoglobine ........................ 13,6 g/dL      (12,0 - 16,0)",
  "Leucocytes ......................... 6,2 G/L        (4,0 - 10,0)",
  "Plaquettes ......................... 254 G/L        (150 - 400)",
  "Glycémie à jeun .................... 0,92 g/L       (0,70 - 1,10)",
  "Cholestérol total .................. 2,05 g/L       (< 2,00)",
  "Cholestérol LDL .................... 1,28 g/L       (< 1,60)",
  "Triglycérides ...................... 0,98 g/L       (< 1,50)",
  "Créatinine ......................... 7,4 mg/L       (5,0 - 9,0)",
  "TSH ................................ 1,85 mUI/L     (0,40 - 4,00)",
  "",
  "Résultats validés par le Dr Anne Roche, biologiste médicale.",
];

const PSYCHIATRY_REPORT = [
  "COMPTE RENDU DE CONSULTATION DE PSYCHIATRIE",
  "Consultation du 27 janvier 2025",
  "",
  "Mme Camille Martin, 40 ans, vue à sa demande pour des troubles du sommeil",
  "apparus dans un contexte de surcharge professionnelle.",
  "",
  "Pas d'antécédent psychiatrique. Humeur légèrement abaissée, sans idée noire.",
  "Endormissement difficile, réveils nocturnes fréquents depuis deux mois.",
  "",
  "Conclusion : trouble de l'adaptation avec anxiété.",
  "Proposition : thérapie cognitive et comportementale de l'insomnie, hygiène du sommeil,",
  "pas de traitement médicamenteux à ce stade. Nouvelle consultation dans un mois.",
];

const VACCINATION_NOTE = `Carnet de vaccination - Camille Martin (née le 12/05/1984)
Recopié de mon carnet papier le 8 mars 2024.

- Diphtérie, tétanos, poliomyélite (rappel) : 15/06/2009, 03/04/2029 à prévoir
- Coqueluche (dTcaP) : 15/06/2009
- Rougeole, oreillons, rubéole : 2 doses dans l'enfance (1985, 1990)
- Hépatite B : 3 doses (1996-1997)
- Grippe saisonnière : 18/10/2023
- COVID-19 : 3 doses (2021-2022)

Prochain rappel dTP : à 45 ans (2029).
`;

/** By the demo document's title. */
export function demoFiles(): Record<string, DemoFile> {
  return {
    "Ordonnance – traitement de l'hypertension": { fileName: "ordonnance-hypertension.pdf", bytes: buildTestPdf([PRESCRIPTION]) },
    "Bilan sanguin annuel": { fileName: "bilan-sanguin-2026.pdf", bytes: buildTestPdf([LAB_RESULTS]) },
    "Radiographie du genou gauche": { fileName: "radiographie-genou-gauche.png", bytes: kneeXray() },
    "Carnet de vaccination": { fileName: "carnet-de-vaccination.txt", bytes: Buffer.from(VACCINATION_NOTE, "utf8") },
    "Compte rendu de consultation de psychiatrie": { fileName: "compte-rendu-psychiatrie.pdf", bytes: buildTestPdf([PSYCHIATRY_REPORT]) },
  };
}

/**
 * A 240×320 grayscale PNG that reads as a knee radiograph at a glance: dark film, the femur coming
 * down and the tibia going up as bright shafts with rounded ends, a joint space between them.
 */
function kneeXray(width = 240, height = 320): Buffer {
  const center = width / 2;
  return buildGreyPng({
    width,
    height,
    pixel: (x, y) => {
      const grain = 18 + ((x * 7 + y * 13) % 9); // film grain
      const soft = Math.abs(x - center) < 95 ? 40 : 0; // soft tissue
      const femur = boneIntensity(x - center, y, { top: -40, bottom: 148, shaft: 34, condyle: 62 });
      const tibia = boneIntensity(x - center, height - y, { top: -40, bottom: 152, shaft: 30, condyle: 58 });
      return grain + soft + Math.max(femur, tibia);
    },
  });
}

/** A long bone seen from the front: a shaft widening into rounded condyles at its `bottom` end. */
function boneIntensity(
  dx: number,
  y: number,
  { top, bottom, shaft, condyle }: { top: number; bottom: number; shaft: number; condyle: number },
): number {
  if (y < top || y > bottom) return 0;
  const widening = Math.max(0, 1 - (bottom - y) / 70);
  const halfWidth = shaft + (condyle - shaft) * Math.sqrt(widening);
  // Rounded end: the last few pixels narrow like an ellipse.
  const end = Math.min(1, (bottom - y) / 18);
  const edge = halfWidth * Math.sqrt(end);
  const distance = Math.abs(dx);
  if (distance > edge) return 0;
  // Cortical bone is brighter at the edges than the marrow in the middle.
  const cortex = distance > edge - 7 ? 170 : 120;
  return cortex;
}
