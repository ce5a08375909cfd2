import "server-only";
import { requireFullSessionForPage, type CurrentSession } from "@/lib/server/auth/current-session";
import { actorOf, can, type Actor } from "@/lib/server/policy/policy";

/** The patient a page of their space serves: their session, and the actor its services are called with. */
export type SignedInPatient = { session: CurrentSession; actor: Actor; patientId: string };

/**
 * The first call of every page of the patient's space: a full session (or the redirect to the step
 * that is missing), then a patient's own space. Null for a signed-in account that has none (a
 * professional, staff): the page then shows <NotPatientNotice>, the one notice they all share.
 */
export async function requirePatientForPage(path: string): Promise<SignedInPatient | null> {
  const session = await requireFullSessionForPage(path);
  const actor = actorOf(session);
  if (!actor || !can(actor, "health:read-own", { ownerId: actor.userId })) return null;
  return { session, actor, patientId: actor.userId };
}
