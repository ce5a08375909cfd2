import "server-only";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import {
  decideHealthAccess,
  visibleDocuments,
  type AccessDecision,
  type AccessFacts,
  type HealthAction,
  type HealthResource,
} from "./decide-health-access";
import type { DocumentCondition } from "./document-condition";
import { loadAccessFacts } from "./load-access-facts";

/** An allowed access, with the facts it was decided on and, for a list, the documents those facts let the actor read. */
export type AllowedAccess = Extract<AccessDecision, { allowed: true }> & { facts: AccessFacts; visibleDocuments: DocumentCondition };

/**
 * Loads the facts and decides; throws when refused: UNAUTHENTICATED without a full session,
 * NOT_FOUND for a single document (someone else's id is indistinguishable from a missing one),
 * FORBIDDEN otherwise. Every reader and writer of a patient's health data calls this (or
 * decideHealthAccess on facts it already holds, for each row of a list).
 */
export async function authorizeHealth(
  db: Parameters<typeof loadAccessFacts>[0],
  actor: Actor,
  patientId: string,
  resource: HealthResource,
  action: HealthAction,
): Promise<AllowedAccess> {
  const facts = await loadAccessFacts(db, actor, patientId);
  const decision = decideHealthAccess(actor, facts, resource, action);
  if (decision.allowed) return { ...decision, facts, visibleDocuments: visibleDocuments(actor, facts) };
  if (decision.reason === "UNAUTHENTICATED") throw new AppError("UNAUTHENTICATED");
  if (resource.kind === "document" || resource.kind === "download" || resource.kind === "recordEntry") throw new AppError("NOT_FOUND");
  throw new AppError("FORBIDDEN", `Health access refused: ${decision.reason}.`);
}
