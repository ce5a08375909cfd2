import "server-only";
import type { Bundle, Extension, Identifier, Patient } from "@medplum/fhirtypes";
import type { IdentityDocumentType } from "@/lib/generated/prisma/client";
import { authorizeApp } from "@/lib/server/access/authorize-app";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { searchUrl } from "./fhir-urls";
import { recordAppAccessNow } from "./record-app-access";
import { searchset } from "./searchset";

/** The national health identifier (INS) built on the NIR: FR Core's INS-NIR identifier slice. */
export const INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";
const FR_CORE = "https://hl7.fr/ig/fhir/core";
/** RNIV's proofs of identity, as FR Core codes them (fr-core-cs-mode-validation-identity). */
const VALIDATION_MODE: Record<IdentityDocumentType, string> = {
  NATIONAL_ID_CARD: "CN",
  PASSPORT: "PA",
  RESIDENCE_PERMIT: "CS",
  FAMILY_RECORD_BOOK: "LE",
  BIRTH_CERTIFICATE: "AN",
};

/**
 * The token's patient as a FHIR Patient (name, birth date, and the INS only when the identity is
 * qualified: FR Core carries the INS for a qualified identity only, and a declared NIR is a mere claim). Any other id is "not
 * found", so an app cannot tell whether another patient exists. The read is in the patient's history.
 */
export async function readFhirPatient(
  { db, ip: ipAddress }: Ctx,
  { access, patientId }: { access: AppAccess; patientId: string },
): Promise<Patient> {
  authorizeApp(access, patientId, { kind: "profile" }, "read");
  const user = await db.user.findUnique({
    where: { id: access.patientId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      updatedAt: true,
      identityQualification: { select: { nir: true, createdAt: true, documentType: true } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "Token's patient no longer exists.");
  await recordAppAccessNow(db, access, { action: "PROFILE_VIEWED", details: { resource: "Patient" }, ipAddress });
  return {
    resourceType: "Patient",
    id: user.id,
    meta: { lastUpdated: user.updatedAt.toISOString() },
    ...insOf(user.identityQualification),
    name: [{ use: "official", family: user.lastName, given: [user.firstName] }],
    ...(user.birthDate ? { birthDate: user.birthDate.toISOString().slice(0, 10) } : {}),
  };
}

/** FR Core Patient INS: the INS-NIR identifier and the identity-reliability extension saying "qualified". */
function insOf(
  qualification: { nir: string; createdAt: Date; documentType: IdentityDocumentType | null } | null,
): Pick<Patient, "identifier" | "extension"> {
  if (!qualification) return {};
  const identifier: Identifier = {
    use: "official",
    type: { coding: [{ system: `${FR_CORE}/CodeSystem/fr-core-cs-v2-0203`, code: "INS-NIR" }] },
    system: INS_NIR_SYSTEM,
    value: qualification.nir,
  };
  const reliability: Extension = {
    url: `${FR_CORE}/StructureDefinition/fr-core-identity-reliability`,
    extension: [
      { url: "identityStatus", valueCoding: { system: `${FR_CORE}/CodeSystem/fr-core-cs-identity-status`, code: "QUAL" } },
      { url: "validationDate", valueDate: qualification.createdAt.toISOString().slice(0, 10) },
      // The posted code proves the address on file, not a document: no validation mode then.
      ...(qualification.documentType
        ? [
            {
              url: "validationMode",
              valueCoding: {
                system: `${FR_CORE}/CodeSystem/fr-core-cs-mode-validation-identity`,
                code: VALIDATION_MODE[qualification.documentType],
              },
            },
          ]
        : []),
    ],
  };
  return { identifier: [identifier], extension: [reliability] };
}

/** `GET Patient`: a searchset with the token's one patient (or none, if `_id` names another). */
export async function searchFhirPatients(
  ctx: Ctx,
  { access, params }: { access: AppAccess; params: URLSearchParams },
): Promise<Bundle<Patient>> {
  const self = searchUrl("Patient", Object.fromEntries(params.getAll("_id").length ? [["_id", params.getAll("_id")]] : []));
  const ids = params.getAll("_id").flatMap((value) => value.split(","));
  if (ids.length > 0 && !ids.includes(access.patientId)) {
    authorizeApp(access, access.patientId, { kind: "profile" }, "read");
    return searchset({ resources: [], total: 0, self, next: null });
  }
  const patient = await readFhirPatient(ctx, { access, patientId: access.patientId });
  return searchset({ resources: [patient], total: 1, self, next: null });
}
