/**
 * The French social-security number (NIR, "numéro de sécurité sociale"): 13 characters then a
 * 2-digit key. Universal: the sign-up form checks it as it is typed, the server checks it again.
 *
 *   1 84 05 75 123 456 | 78
 *   | |  |  |  |   |     key = 97 − (body mod 97)
 *   | |  |  |  |   order of birth registration
 *   | |  |  |  commune (INSEE code; born abroad: country)
 *   | |  |  department ("2A"/"2B" for Corsica; 99 born abroad)
 *   | |  month (01–12; 20–42 and 50–99 when the month was unknown or for some registrations)
 *   | year of birth, two digits
 *   1 or 2 (sex); 3, 4, 7, 8 for temporary numbers
 */

const BODY_PATTERN = /^[123478]\d{2}(0[1-9]|1[0-2]|2\d|3\d|4[0-2]|[5-9]\d)(\d{2}|2A|2B)\d{6}$/;

/** What is stored and compared: no spaces, "2a" written "2A". */
export function normalizeNir(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** Corsica's letters are replaced by numbers so the body can be read as an integer (2A → 19, 2B → 18). */
function numericBody(body: string): bigint {
  const department = body.slice(5, 7);
  const digits = department === "2A" ? "19" : department === "2B" ? "18" : department;
  return BigInt(body.slice(0, 5) + digits + body.slice(7));
}

/** 01 to 97. BigInt keeps the arithmetic exact by construction, rather than by 13 digits happening to fit in a double. */
function keyOf(body: string): number {
  return 97 - Number(numericBody(body) % 97n);
}

/** The full NIR for a 13-character body (for fixtures and the seed). */
export function withNirKey(body: string): string {
  const normalized = normalizeNir(body);
  if (!BODY_PATTERN.test(normalized)) throw new Error("A NIR body is 13 characters: sex, year, month, department, commune, order");
  return normalized + String(keyOf(normalized)).padStart(2, "0");
}

export function isValidNir(value: string): boolean {
  const nir = normalizeNir(value);
  if (!/^.{13}\d{2}$/.test(nir)) return false;
  const body = nir.slice(0, 13);
  return BODY_PATTERN.test(body) && keyOf(body) === Number(nir.slice(13));
}

/**
 * Whether a NIR can belong to someone born on `birthDate` (UTC date): its year digits must match, and
 * its month too when it is a real month (20–42 and 50–99 stand for an unknown or special month).
 * A qualification checks it, so a mistyped or borrowed number does not pass for this person's.
 */
export function nirMatchesBirthDate(value: string, birthDate: Date): boolean {
  const nir = normalizeNir(value);
  if (!isValidNir(nir)) return false;
  if (Number(nir.slice(1, 3)) !== birthDate.getUTCFullYear() % 100) return false;
  const month = Number(nir.slice(3, 5));
  return month > 12 || month === birthDate.getUTCMonth() + 1;
}
