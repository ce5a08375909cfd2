/**
 * The closed lists of the "Profil médical" (the enums of prisma/schema.prisma), without zod, so the
 * page's client forms can read them; lib/schemas/record-entry.ts builds the schemas from them.
 */
export const RECORD_KINDS = ["condition", "allergy", "treatment", "vaccination", "directive", "contact"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_NOTE_MAX = 500;
export const CONDITION_CATEGORIES = ["MEDICAL", "SURGICAL", "FAMILY"] as const;
export const CONDITION_STATUSES = ["ACTIVE", "RESOLVED"] as const;
export const ALLERGY_TYPES = ["ALLERGY", "INTOLERANCE"] as const;
export const ALLERGY_SEVERITIES = ["MILD", "MODERATE", "SEVERE"] as const;
export const ALLERGY_CRITICALITIES = ["LOW", "HIGH", "UNABLE_TO_ASSESS"] as const;
export const DIRECTIVE_KINDS = ["ADVANCE_DIRECTIVES", "ORGAN_DONATION"] as const;
export const ORGAN_DONATION_POSITIONS = ["CONSENTS", "REFUSES", "UNDECIDED"] as const;
export const CONTACT_ROLES = ["TRUSTED_PERSON", "EMERGENCY_CONTACT"] as const;
