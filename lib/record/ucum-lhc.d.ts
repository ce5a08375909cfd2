// @lhncbc/ucum-lhc ships no types: only the two calls lib/record/ucum.ts makes, as its README documents them.
declare module "@lhncbc/ucum-lhc" {
  type ValidationResult = { status: "valid" | "invalid" | "error"; ucumCode: string | null; msg: string[] };
  type ConversionResult = { status: "succeeded" | "failed" | "error"; toVal: number | null; msg: string[] };
  interface UcumLhcUtils {
    validateUnitString(unit: string, suggest?: boolean): ValidationResult;
    convertUnitTo(
      fromUnit: string,
      fromValue: number,
      toUnit: string,
      options?: { suggest?: boolean; molecularWeight?: number },
    ): ConversionResult;
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
