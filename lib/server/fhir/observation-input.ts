import "server-only";
import { z } from "zod";
import { isMeasurementCode, LOINC_SYSTEM, MEASUREMENT_CODES, UCUM_SYSTEM, type MeasurementCode } from "@/lib/fhir/measurement-codes";
import { hasNul, isInAppCalendar } from "@/lib/schemas/boundary";

/** A measurement may be stamped a little ahead of the server's clock (a device's drift), no more. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** FHIR dateTime with a time: then the zone is required, so the instant is unambiguous. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const coding = z.object({
  system: z.string().max(200).optional(),
  code: z.string().max(40).optional(),
  display: z.string().max(200).optional(),
});
const codeableConcept = z.object({ coding: z.array(coding).max(10).optional(), text: z.string().max(200).optional() });

/**
 * What an app may send as an Observation: a single measurement of an allowlisted LOINC type, in its
 * one UCUM unit (valueQuantity.code; `unit` is the display and may read otherwise, "mmHg" for "mm[Hg]"), within a plausible range, taken now or in the past, about the token's patient (or
 * no subject, which means them). Anything not listed here is dropped, so the stored resource holds
 * only what was checked.
 */
export const observationInputSchema = z
  .object({
    resourceType: z.literal("Observation"),
    status: z.enum(["final", "amended", "preliminary"]),
    category: z.array(codeableConcept).max(5).optional(),
    code: codeableConcept,
    subject: z.object({ reference: z.string().max(200) }).optional(),
    effectiveDateTime: z
      .string()
      .regex(DATE_TIME, "must be a date and time with its zone")
      // Year 0 parses in JavaScript and is refused by PostgreSQL: only the app's calendar, 1900–2100.
      .refine((value) => isInAppCalendar(new Date(value)), "must be a date from 1900 on"),
    valueQuantity: z.object({
      value: z.number().finite(),
      /** For people ("mmHg"); may differ from the UCUM code ("mm[Hg]"), which is what is checked. */
      unit: z
        .string()
        .max(40)
        .refine((value) => !hasNul(value))
        .optional(),
      system: z.literal(UCUM_SYSTEM).optional(),
      code: z.string().max(40).optional(),
    }),
  })
  .transform((input, ctx) => {
    const loinc = input.code.coding?.find((c) => c.system === LOINC_SYSTEM && c.code && isMeasurementCode(c.code));
    if (!loinc?.code || !isMeasurementCode(loinc.code)) {
      ctx.addIssue({ code: "custom", path: ["code", "coding"], message: "needs a LOINC code this server accepts" });
      return z.NEVER;
    }
    const code: MeasurementCode = loinc.code;
    const expected = MEASUREMENT_CODES[code];
    const quantity = input.valueQuantity;
    // The UCUM code decides; a quantity with no code is read by its unit only if that is the UCUM form.
    const wrongField =
      quantity.code !== undefined
        ? quantity.code !== expected.unit
          ? "code"
          : null
        : quantity.unit !== undefined
          ? quantity.unit !== expected.unit
            ? "unit"
            : null
          : "code";
    if (wrongField) {
      ctx.addIssue({ code: "custom", path: ["valueQuantity", wrongField], message: `must be the UCUM unit ${expected.unit}` });
      return z.NEVER;
    }
    if (quantity.value < expected.min || quantity.value > expected.max) {
      ctx.addIssue({ code: "custom", path: ["valueQuantity", "value"], message: "is out of the plausible range" });
      return z.NEVER;
    }
    const effectiveAt = new Date(input.effectiveDateTime);
    if (Number.isNaN(effectiveAt.getTime()) || effectiveAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: "custom", path: ["effectiveDateTime"], message: "must not be in the future" });
      return z.NEVER;
    }
    return { ...input, loinc: { code, display: expected.display }, unit: expected.unit, effectiveAt };
  });

export type ObservationInput = z.output<typeof observationInputSchema>;
