import "server-only";
import type { Observation } from "@medplum/fhirtypes";
import type { Measurement } from "@/lib/generated/prisma/client";

/** A stored measurement as FHIR: the resource as accepted at creation (it already has id, subject and meta). */
export function toObservation(row: Pick<Measurement, "resource">): Observation {
  return row.resource as unknown as Observation;
}
