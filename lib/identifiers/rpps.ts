/**
 * RPPS-style identifiers: 11 digits whose last digit is a Luhn check digit over the first ten.
 * (The real RPPS number is 11 digits with a Luhn key; the directory here is fictional.)
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit starting from the rightmost of the payload.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function withRppsCheckDigit(payload: string): string {
  if (!/^\d{10}$/.test(payload)) throw new Error("An RPPS payload is 10 digits");
  return payload + luhnCheckDigit(payload);
}

export function isValidRpps(value: string): boolean {
  return /^\d{11}$/.test(value) && luhnCheckDigit(value.slice(0, 10)) === Number(value[10]);
}
