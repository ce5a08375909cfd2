import "server-only";
import type { Bundle, Patient } from "@medplum/fhirtypes";
import { authorizeApp } from "@/lib/server/access/authorize-app";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { searchUrl } from "./fhir-urls";
import { recordAppAccessNow } from "./record-app-access";
import { searchset } from "./searchset";

/** The national health identifier (INS) built on the NIR. */
export const INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";

type Context = { access: AppAccess; ipAddress: string | null };

/**
 * The token's patient as a FHIR Patient (name, birth date, INS when known). Any other id is "not
 * found", so an app cannot tell whether another patient exists. The read is in the patient's history.
 */
export async function readFhirPatient(db: Db, { access, ipAddress }: Context, patientId: string): Promise<Patient> {
  authorizeApp(access, patientId, { kind: "profile" }, "read");
  const user = await db.user.findUnique({ where: { id: access.patientId }, select: { id: true, firstName: true, lastName: true, birthDate: true, nir: true, updatedAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "Token's patient no longer exists.");
  await recordAppAccessNow(db, access, { action: "PROFILE_VIEWED", details: { resource: "Patient" }, ipAddress });
  return {
    resourceType: "Patient",
    id: user.id,
    meta: { lastUpdated: user.updatedAt.toISOString() },
    ...(user.nir ? { identifier: [{ use: "official" as const, system: INS_NIR_SYSTEM, value: user.nir }] } : {}),
    name: [{ use: "official", family: user.lastName, given: [user.firstName] }],
    ...(user.birthDate ? { birthDate: user.birthDate.toISOString().slice(0, 10) } : {}),
  };
}

/** `GET Patient`: a searchset with the token's one patient (or none, if `_id` names another). */
export async function searchFhirPatients(db: Db, context: Context, params: URLSearchParams): Promise<Bundle<Patient>> {
  const self = searchUrl("Patient", Object.fromEntries(params.getAll("_id").length ? [["_id", params.getAll("_id")]] : []));
  const ids = params.getAll("_id").flatMap((value) => value.split(","));
  if (ids.length > 0 && !ids.includes(context.access.patientId)) {
    authorizeApp(context.access, context.access.patientId, { kind: "profile" }, "read");
    return searchset({ resources: [], total: 0, self, next: null });
  }
  const patient = await readFhirPatient(db, context, context.access.patientId);
  return searchset({ resources: [patient], total: 1, self, next: null });
}
