import "server-only";
import { decideHealthAccess, type AccessFacts } from "@/lib/server/access/decide-health-access";
import type { Actor } from "@/lib/server/policy/policy";

/**
 * Whether a professional may qualify this patient's identity: they must have a standing relationship
 * with the patient — médecin traitant or a consent in force. Not an emergency access: the glass is
 * broken for care, not to vouch for who someone is.
 */
export function mayQualifyIdentity(actor: Actor, facts: AccessFacts): boolean {
  const decision = decideHealthAccess(actor, facts, { kind: "documentList" }, "read");
  return decision.allowed && (decision.basis === "TREATING_DOCTOR" || decision.basis === "CONSENT");
}
