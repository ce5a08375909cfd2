import ucum from "@lhncbc/ucum-lhc";

/**
 * The UCUM reference implementation (NLM's ucum-lhc), loaded once: it parses its unit tables at the first
 * getInstance(). Units are case-sensitive UCUM codes ("mm[Hg]", "[lb_av]", "Cel"), never display symbols
 * ("mmHg", "lb", "°C"): those are rejected, so a form offers codes and shows its own labels.
 */
const utils = ucum.UcumLhcUtils.getInstance();

export function isUcumUnit(unit: string): boolean {
  return utils.validateUnitString(unit).status === "valid";
}

/**
 * `value` in `from` expressed in `to`, or null when UCUM cannot convert (different dimensions, invalid code).
 * A mass ↔ amount-of-substance conversion (mg/dL ↔ mmol/L) needs the substance's molar mass in g/mol.
 */
export function convertUcum(value: number, from: string, to: string, molecularWeight?: number): number | null {
  if (from === to) return value;
  const result = utils.convertUnitTo(from, value, to, molecularWeight === undefined ? {} : { molecularWeight });
  return result.status === "succeeded" && typeof result.toVal === "number" && Number.isFinite(result.toVal) ? result.toVal : null;
}
