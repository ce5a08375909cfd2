/**
 * The kinds of measurement a patient keeps in their record: what each is called in LOINC, the one UCUM unit
 * it is stored in, the units a person may type it in, the range a value must fall in to be believed, and how
 * many decimals it is shown and kept with.
 *
 * Codes and canonical units follow the ANS implementation guide "Mesures de santé" (ans.fhir.fr.mesures
 * 3.1.1, https://interop.esante.gouv.fr/ig/fhir/mesures: "Liste des codes des observations" and the profiles
 * MesFrObservationBodyWeight, …BodyHeight, …BP, …Heartrate, …BodyTemperature, …BMI, …OxygenSat (on
 * fr-core-observation-saturation-oxygen), MesObservationGlucose, …Hb1Ac, …WaistCircumference,
 * …PainSeverity, …StepsByDay). Where the guide leaves the unit to a value set (glucose: JDV J163) the
 * canonical unit is the one the guide converts to (mmol/L, its "mes-original-data" example converts g/L).
 *
 * Plausibility limits are not reference ranges: they say what a measuring device or a person can
 * produce at all, so a slip of unit or a typo (900 kg, 37 entered as °F) is refused rather than stored,
 * while any real patient, including a premature newborn or a patient in crisis, is still accepted.
 * The reason for each limit is beside it.
 *
 * Nothing here touches the database: the schema in measurement-entry.ts and the FHIR intake build on it.
 * The FHIR intake's own list (lib/fhir/measurement-codes.ts) predates this one; measurement-kinds.test.ts
 * checks that every code it accepts belongs to a kind here.
 */

/** Glucose, C6H12O6, in g/mol: what UCUM needs to turn mg/dL into mmol/L. */
export const GLUCOSE_MOLAR_MASS = 180.156;

export type KindLimits = { min: number; max: number };

type Component = { code: string; display: string } & KindLimits;

export type MeasurementKind = {
  /** The LOINC code stored on the Observation; for blood pressure, the panel. */
  code: string;
  display: string;
  /** Other LOINC codes that mean the same kind when an app sends them (read side only). */
  alsoCodes: readonly string[];
  /** The UCUM code values are stored in. */
  unit: string;
  /** UCUM codes a person may enter a value in; the canonical unit first. */
  inputUnits: readonly string[];
  decimals: number;
  /** Computed from other measurements, never entered (BMI). */
  computed: boolean;
  /** Blood pressure: the values are these components, not Observation.value. */
  components?: { systolic: Component; diastolic: Component };
  molecularWeight?: number;
} & KindLimits;

export const MEASUREMENT_KINDS = {
  weight: {
    code: "29463-7",
    display: "Body weight",
    alsoCodes: ["3141-9"],
    unit: "kg",
    inputUnits: ["kg", "g", "[lb_av]"],
    decimals: 2,
    computed: false,
    // A newborn at 23 weeks weighs about 0.4 kg; the heaviest living patients reported reached ~600 kg but
    // no home or clinic scale weighs past 500 (bariatric scales stop at 300–500 kg).
    min: 0.2,
    max: 500,
  },
  height: {
    code: "8302-2",
    display: "Body height",
    alsoCodes: ["8306-3"],
    unit: "cm",
    inputUnits: ["cm", "m", "[in_i]"],
    decimals: 1,
    computed: false,
    // A very premature newborn measures ~25 cm; the tallest person recorded measured 272 cm.
    min: 20,
    max: 275,
  },
  bmi: {
    code: "39156-5",
    display: "Body mass index",
    alsoCodes: [],
    unit: "kg/m2",
    inputUnits: ["kg/m2"],
    decimals: 1,
    computed: true,
    // Computed from accepted weight and height, whose limits already bound it; this catches a weight and a
    // height that are each plausible but belong to different people (3 kg with 180 cm gives 0.9).
    min: 5,
    max: 150,
  },
  bloodPressure: {
    code: "85354-9",
    display: "Blood pressure panel",
    alsoCodes: ["55284-4"],
    unit: "mm[Hg]",
    inputUnits: ["mm[Hg]", "kPa"],
    decimals: 0,
    computed: false,
    components: {
      // Below 40 systolic no home cuff reads a value; above 300 the cuffs stop (their range is 0–300).
      systolic: { code: "8480-6", display: "Systolic blood pressure", min: 40, max: 300 },
      // A diastolic under 20 is not measured by oscillometry; 200 is beyond any hypertensive crisis seen.
      diastolic: { code: "8462-4", display: "Diastolic blood pressure", min: 20, max: 200 },
    },
    min: 20,
    max: 300,
  },
  heartRate: {
    code: "8867-4",
    display: "Heart rate",
    alsoCodes: [],
    unit: "/min",
    inputUnits: ["/min", "{beats}/min"],
    decimals: 0,
    computed: false,
    // 20/min is an extreme bradycardia still measured; infants' supraventricular tachycardia reaches 300.
    min: 20,
    max: 300,
  },
  bodyTemperature: {
    code: "8310-5",
    display: "Body temperature",
    alsoCodes: [],
    unit: "Cel",
    inputUnits: ["Cel", "[degF]"],
    decimals: 1,
    computed: false,
    // Home and clinic thermometers read from about 32 °C; 30 keeps severe hypothermia, 45 is past survival.
    // 98.6 typed in °C (or 37 in °F) falls outside and is refused.
    min: 30,
    max: 45,
  },
  oxygenSaturation: {
    code: "59408-5",
    display: "Oxygen saturation in Arterial blood by Pulse oximetry",
    alsoCodes: ["2708-6"],
    unit: "%",
    inputUnits: ["%"],
    decimals: 0,
    computed: false,
    // Pulse oximeters are calibrated down to 70 % (ISO 80601-2-61); children with cyanotic heart disease
    // live in the 60s. 50 keeps them and refuses a pulse rate typed in the wrong field.
    min: 50,
    max: 100,
  },
  bloodGlucose: {
    code: "2339-0",
    display: "Glucose [Mass/volume] in Blood",
    alsoCodes: ["15074-8", "14743-9", "14749-6"],
    unit: "mmol/L",
    inputUnits: ["mmol/L", "mg/dL", "g/L"],
    decimals: 1,
    computed: false,
    molecularWeight: GLUCOSE_MOLAR_MASS,
    // Meters read 0.6–33.3 mmol/L (10–600 mg/dL); a hyperosmolar state may exceed that in the lab, so 60.
    min: 0.5,
    max: 60,
  },
  hba1c: {
    code: "4548-4",
    display: "Hemoglobin A1c/Hemoglobin.total in Blood",
    alsoCodes: ["17856-6", "59261-8"],
    unit: "%",
    inputUnits: ["%", "mmol/mol"],
    decimals: 1,
    computed: false,
    // Assays report 4–18 %; 3 and 20 leave room at both ends without letting a glucose value through.
    min: 3,
    max: 20,
  },
  waistCircumference: {
    code: "8280-0",
    display: "Waist Circumference at umbilicus by Tape measure",
    alsoCodes: [],
    unit: "cm",
    inputUnits: ["cm", "m", "[in_i]"],
    decimals: 1,
    computed: false,
    // A newborn's abdomen measures ~30 cm; 250 covers the most severe obesity measured with a tape.
    min: 25,
    max: 250,
  },
  painScore: {
    code: "72514-3",
    display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    alsoCodes: [],
    // The guide fixes the code "1" (unity) with the label "Level".
    unit: "1",
    inputUnits: ["1", "{score}"],
    decimals: 0,
    computed: false,
    // The 0–10 numeric rating scale: nothing else is a score on it.
    min: 0,
    max: 10,
  },
  steps: {
    code: "41950-7",
    display: "Number of steps in 24 hour Measured",
    alsoCodes: ["55423-8"],
    // The guide's code for "steps/day".
    unit: "1/(24.h)",
    inputUnits: ["1/(24.h)", "/d", "{steps}/d"],
    decimals: 0,
    computed: false,
    // An ultramarathon day is about 100,000 steps; past 150,000 a tracker has counted something else.
    min: 0,
    max: 150_000,
  },
} as const satisfies Record<string, MeasurementKind>;

export type MeasurementKindId = keyof typeof MEASUREMENT_KINDS;

export const MEASUREMENT_KIND_IDS = Object.keys(MEASUREMENT_KINDS) as MeasurementKindId[];

/** The kinds a person types in (BMI is computed from weight and height). */
export const ENTERED_KIND_IDS = MEASUREMENT_KIND_IDS.filter((id) => !MEASUREMENT_KINDS[id].computed) as Exclude<MeasurementKindId, "bmi">[];

export function measurementKind(id: MeasurementKindId): MeasurementKind {
  return MEASUREMENT_KINDS[id];
}

/**
 * The kind a LOINC code belongs to, by its main code, another code for the same thing, or (blood
 * pressure) one of its components; undefined for a code the record does not keep.
 */
export function kindOfCode(code: string): MeasurementKindId | undefined {
  return MEASUREMENT_KIND_IDS.find((id) => {
    const kind: MeasurementKind = MEASUREMENT_KINDS[id];
    return (
      kind.code === code ||
      kind.alsoCodes.includes(code) ||
      (kind.components !== undefined && (kind.components.systolic.code === code || kind.components.diastolic.code === code))
    );
  });
}

/** A value rounded to the kind's decimals (half away from zero, as a person rounds). */
export function roundForKind(id: MeasurementKindId, value: number): number {
  const factor = 10 ** MEASUREMENT_KINDS[id].decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
