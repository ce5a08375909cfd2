import "server-only";
import { AppError } from "@/lib/server/errors";
import { decideAppAccess, decideAppScope, type AppAccessDecision, type AppFacts } from "./decide-app-access";
import type { HealthAction, HealthResource } from "./decide-health-access";

function refuse(decision: Extract<AppAccessDecision, { allowed: false }>): never {
  if (decision.reason === "INSUFFICIENT_SCOPE" || decision.reason === "NOT_ALLOWED")
    throw new AppError("FORBIDDEN", `App access refused: ${decision.reason}.`);
  throw new AppError("NOT_FOUND", `App access refused: ${decision.reason}.`);
}

/**
 * decideAppAccess, throwing when refused: FORBIDDEN (the FHIR API answers 403 `insufficient_scope`)
 * when the token lacks the scope or the action is never an app's; NOT_FOUND for another patient's
 * data or a document the app may not see, so ids cannot be probed.
 */
export function authorizeApp(app: AppFacts, patientId: string, resource: HealthResource, action: HealthAction): void {
  const decision = decideAppAccess(app, patientId, resource, action);
  if (!decision.allowed) refuse(decision);
}

/** The scope part alone, before looking anything up by an id the app sent. */
export function authorizeAppScope(app: Pick<AppFacts, "scopes">, kind: HealthResource["kind"], action: HealthAction): void {
  const decision = decideAppScope(app, kind, action);
  if (!decision.allowed) refuse(decision);
}
