import "server-only";

/**
 * Where a code goes, as shown before the second factor is passed: enough for the person to recognise
 * their own address or phone, too little to teach someone who only has the password anything.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

export function maskPhone(e164: string): string {
  return `•• •• •• •• ${e164.slice(-2)}`;
}

/** A phone in the form people read: "06 12 34 56 78" for French mobiles, E.164 otherwise. */
export function formatPhone(e164: string): string {
  if (/^\+33\d{9}$/.test(e164)) return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, "$1 ");
  return e164;
}
