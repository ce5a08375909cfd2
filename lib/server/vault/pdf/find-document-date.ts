import "server-only";
import { foldText } from "./fold-text";

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

type DateParts = { year: number; month: number; day: number; twoDigitYear?: boolean };

/**
 * Written dates, on folded text. A digit or a date separator right before or after means a longer
 * number (a telephone number "06.12.10.11.12"), not a date.
 */
const PATTERNS: Array<{ regex: RegExp; read: (match: RegExpMatchArray) => DateParts }> = [
  // 12/03/2025, 12.03.2025, 12-03-2025, 12/03/25
  {
    regex: /(?<!\d)(?<!\d[/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[/.-]\d)/g,
    read: (m) => ({ year: fullYear(m[4]), month: Number(m[3]), day: Number(m[1]), twoDigitYear: m[4].length === 2 }),
  },
  // 2025-03-12
  { regex: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  // 12 mars 2025, 1er avril 2025, 3 janv. 2025
  {
    regex: new RegExp(`(?<![\\p{L}\\d])(1er|\\d{1,2}) +(${MONTH_NAMES})\\.? *(\\d{4})(?!\\d)`, "gu"),
    read: (m) => ({ year: Number(m[3]), month: MONTHS[m[2]], day: m[1] === "1er" ? 1 : Number(m[1]) }),
  },
];

/** Two-digit years: 25 is 2025, 87 is 1987 (a document from the future is dropped anyway). */
function fullYear(digits: string): number {
  if (digits.length === 4) return Number(digits);
  const value = Number(digits);
  return value <= 69 ? 2000 + value : 1900 + value;
}

// What comes right before a date (up to CONTEXT characters of folded text) says what it is.
const CONTEXT = 60;
const BIRTH = /(?:\bnee?s? le|\bne\(e\) le|naissance|\bddn)\W{0,3}(?:le\W{0,3})?$/;
const STRONG = [
  /\b(?:fait|redige|edite|etabli|signe|imprime)e?s?\b(?: a [^\n,]{1,40},?)? le\W{0,3}$/,
  /\bpreleve(?:ment)?s?\b[^\n]{0,20}\b(?:le|du)\W{0,3}$/,
  /\bdate\b[^\n]{0,30}$/,
];
const MEDIUM = [
  /, le\W{0,3}$/,
  /\ben date du\W{0,3}$/,
  /\b(?:examen|consultation|compte rendu|ordonnance|vaccination|injection|hospitalisation|seance|visite|realisee?|effectuee?|pratiquee?)\b[^\n.]{0,25}\b(?:du|le)\W{0,3}$/,
];
const WEAK = /\b(?:le|du)\W{0,3}$/;

type Candidate = { bestScore: number; occurrences: number; index: number };

/**
 * The most plausible date of a document in its text, as "YYYY-MM-DD", or null. A date scores by
 * what precedes it ("fait à Lyon le", "prélevé le", "Date :" weigh most; ", le" and "examen du" next;
 * a bare "le" or "du" a little) and a little more each time it recurs (twice at most). Dates after
 * `today`, before 1900, or impossible (31/02) are ignored, and so are birth dates ("né(e) le", "date
 * de naissance", "DDN"). Ties go to the date met first, where letterheads put it.
 *
 * @param today "YYYY-MM-DD"; by default today in Paris.
 */
export function findDocumentDate(text: string, { today = parisToday() }: { today?: string } = {}): string | null {
  const folded = foldText(text);
  const candidates = new Map<string, Candidate>();

  for (const { regex, read } of PATTERNS) {
    for (const match of folded.matchAll(regex)) {
      const { year, month, day, twoDigitYear } = read(match);
      const iso = isoDate(year, month, day);
      if (!iso || iso > today || year < 1900) continue;
      const index = match.index!;
      const before = folded.slice(Math.max(0, index - CONTEXT), index);
      if (BIRTH.test(before)) continue;
      const score = 1 + contextScore(before) - (twoDigitYear ? 0.5 : 0);
      const known = candidates.get(iso);
      if (!known) candidates.set(iso, { bestScore: score, occurrences: 1, index });
      else {
        known.bestScore = Math.max(known.bestScore, score);
        known.occurrences++;
        known.index = Math.min(known.index, index);
      }
    }
  }

  const ranked = [...candidates.entries()]
    .map(([iso, { bestScore, occurrences, index }]) => ({ iso, index, score: bestScore + 0.5 * Math.min(occurrences - 1, 2) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked[0]?.iso ?? null;
}

function contextScore(before: string): number {
  if (STRONG.some((regex) => regex.test(before))) return 3;
  if (MEDIUM.some((regex) => regex.test(before))) return 2;
  return WEAK.test(before) ? 1 : 0;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function parisToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}
