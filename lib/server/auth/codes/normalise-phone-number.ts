import "server-only";

/**
 * French overseas mobiles are dialled 06 9x / 06 39 at home but belong to their own country codes;
 * "0692 12 34 56" is +262 692 12 34 56, not +33 6 92 12 34 56 (ARCEP numbering plan).
 */
const OVERSEAS_MOBILE_PREFIXES: [prefix: string, countryCode: string][] = [
  ["690", "590"],
  ["691", "590"],
  ["694", "594"],
  ["696", "596"],
  ["697", "596"],
  ["692", "262"],
  ["693", "262"],
  ["639", "262"],
];

/** A French mobile, without its leading 0: 6 or 7 then eight digits. */
const FRENCH_MOBILE = /^[67]\d{8}$/;

function frenchMobile(nineDigits: string): string | null {
  if (!FRENCH_MOBILE.test(nineDigits)) return null;
  const overseas = OVERSEAS_MOBILE_PREFIXES.find(([prefix]) => nineDigits.startsWith(prefix));
  return overseas ? `+${overseas[1]}${nineDigits}` : `+33${nineDigits}`;
}

/**
 * A mobile number as typed by a person ("06 12 34 56 78", "+33 6 12 34 56 78", "0033 (0)6…") to the
 * E.164 form SMS providers expect, or null when it is not one. French numbers must be mobiles: a code
 * sent to a landline never arrives. Other countries' numbers are accepted in international form only,
 * since their national formats cannot be told apart.
 */
export function normalisePhoneNumber(typed: string): string | null {
  if (typed.length > 40) return null;
  // Separators people use; anything else (letters, extensions) makes the number invalid.
  let compact = typed.replace(/[\s.\-/]/g, "").replace(/\(0\)/, "");
  if (!/^(\+|00)?\d+$/.test(compact.replace(/[()]/g, ""))) return null;
  compact = compact.replace(/[()]/g, "");
  if (compact.startsWith("00")) compact = `+${compact.slice(2)}`;

  if (!compact.startsWith("+")) return /^0\d{9}$/.test(compact) ? frenchMobile(compact.slice(1)) : null;
  if (compact.startsWith("+33")) {
    const national = compact.slice(3);
    // "+33 06 …" is a common slip: the trunk 0 does not belong after the country code.
    return frenchMobile(national.length === 10 && national.startsWith("0") ? national.slice(1) : national);
  }
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}
