import "server-only";
import type { CapabilityStatement } from "@medplum/fhirtypes";
import { getConfig } from "@/lib/server/config";
import { fhirBaseUrl } from "./fhir-urls";

/**
 * What this server offers, for a client to discover before it has a token: FHIR R4 in JSON, the
 * SMART on FHIR security service with the OAuth endpoints (the `oauth-uris` extension), and the few
 * resources and interactions the scopes can reach.
 */
export function capabilityStatement(now = new Date()): CapabilityStatement {
  const appUrl = getConfig().appUrl;
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: now.toISOString(),
    kind: "instance",
    software: { name: "Espace numérique de santé" },
    implementation: { description: "Espace numérique de santé — API FHIR pour les services connectés", url: fhirBaseUrl() },
    fhirVersion: "4.0.1",
    format: ["json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: true,
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: `${appUrl}/api/oauth/authorize` },
                { url: "token", valueUri: `${appUrl}/api/oauth/token` },
                { url: "revoke", valueUri: `${appUrl}/api/oauth/revoke` },
              ],
            },
          ],
        },
        resource: [
          { type: "Patient", interaction: [{ code: "read" }, { code: "search-type" }], searchParam: [{ name: "_id", type: "token" }] },
          {
            type: "DocumentReference",
            documentation:
              "Search results are paged by `_cursor` (follow the `next` link). Bundle.total is given only when the first page holds every match; otherwise it is absent (not estimated): the API does not count the record on every page.",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "category", type: "token" },
              { name: "date", type: "date" },
              { name: "_count", type: "number" },
            ],
          },
          { type: "Binary", interaction: [{ code: "read" }] },
          {
            type: "Observation",
            interaction: [{ code: "create" }, { code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "code", type: "token" },
              { name: "date", type: "date" },
              { name: "_count", type: "number" },
            ],
          },
        ],
      },
    ],
  };
}
