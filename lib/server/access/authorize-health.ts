import "server-only";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/policy";
import { decideHealthAccess, type AccessDecision, type AccessFacts, type HealthAction, type HealthResource } from "./decide-health-access";
import { loadAccessFacts } from "./load-access-facts";

export type AllowedAccess = Extract<AccessDecision, { allowed: true }> & { facts: AccessFacts };

/**
 * Loads the facts and decides; throws when refused: UNAUTHENTICATED without a full session,
 * NOT_FOUND for a single document (someone else's id is indistinguishable from a missing one),
 * FORBIDDEN otherwise. Every reader and writer of a patient's health data calls this (or
 * decideHealthAccess on facts it already holds, for each row of a list).
 */
export async function authorizeHealth(db: Parameters<typeof loadAccessFacts>[0], actor: Actor, patientId: string, resource: HealthResource, action: HealthAction): Promise<AllowedAccess> {
  const facts = await loadAccessFacts(db, actor, patientId);
  const decision = decideHealthAccess(actor, facts, resource, action);
  if (decision.allowed) return { ...decision, facts };
  if (decision.reason === "UNAUTHENTICATED") throw new AppError("UNAUTHENTICATED");
  if (resource.kind === "document" || resource.kind === "download") throw new AppError("NOT_FOUND");
  throw new AppError("FORBIDDEN", `Health access refused: ${decision.reason}.`);
}

