import "server-only";
import { randomUUID } from "node:crypto";
import type { Observation } from "@medplum/fhirtypes";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LOINC_SYSTEM, UCUM_SYSTEM } from "@/lib/fhir/measurement-codes";
import { authorizeApp } from "@/lib/server/access/authorize-app";
import type { Ctx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import type { AppAccess } from "@/lib/server/oauth/verify-access-token";
import { fhirBaseUrl } from "./fhir-urls";
import { observationInputSchema } from "./observation-input";
import { recordAppAccess } from "./record-app-access";

/**
 * `POST Observation`: validates the app's measurement, stores it for the token's patient with the
 * resource as accepted (server id, subject and meta), and writes the addition into the patient's
 * history as the app, in the same transaction. The scope is checked before the body is looked at.
 */
export async function createObservation(
  { db, ip: ipAddress }: Ctx,
  { access, body }: { access: AppAccess; body: unknown },
): Promise<Observation> {
  authorizeApp(access, access.patientId, { kind: "measurements" }, "add");
  const parsed = observationInputSchema.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || undefined;
    throw new AppError("BAD_REQUEST", `Invalid Observation${field ? ` (${field})` : ""}.`, { field });
  }
  const input = parsed.data;
  if (
    input.subject &&
    input.subject.reference !== `Patient/${access.patientId}` &&
    input.subject.reference !== `${fhirBaseUrl()}/Patient/${access.patientId}`
  ) {
    throw new AppError("BAD_REQUEST", "Observation about another subject.", { field: "subject.reference" });
  }

  const id = randomUUID();
  const now = new Date();
  const resource: Observation = {
    resourceType: "Observation",
    id,
    meta: { versionId: "1", lastUpdated: now.toISOString(), source: `#${access.app.slug}` },
    status: input.status,
    ...(input.category ? { category: input.category } : {}),
    code: {
      coding: [{ system: LOINC_SYSTEM, code: input.loinc.code, display: input.loinc.display }],
      ...(input.code.text ? { text: input.code.text } : {}),
    },
    subject: { reference: `Patient/${access.patientId}` },
    effectiveDateTime: input.effectiveDateTime,
    issued: now.toISOString(),
    valueQuantity: { value: input.valueQuantity.value, unit: input.unit, system: UCUM_SYSTEM, code: input.unit },
  };
  await db.$transaction(async (tx) => {
    await tx.measurement.create({
      data: {
        id,
        patientId: access.patientId,
        code: input.loinc.code,
        display: input.loinc.display.slice(0, 200),
        value: input.valueQuantity.value,
        unit: input.unit,
        effectiveAt: input.effectiveAt,
        sourceAppId: access.app.id,
        sourceLabel: access.app.name,
        resource: resource as unknown as Prisma.InputJsonObject,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAppAccess(tx, access, { action: "MEASUREMENT_ADDED", details: { resource: "Observation", measurementId: id }, ipAddress });
  });
  return resource;
}
