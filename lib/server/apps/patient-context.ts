import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { historyActorOf } from "@/lib/server/history/history-actor";
import type { HistoryActor } from "@/lib/server/history/record-history";
import { authorize } from "@/lib/server/policy/policy";

/**
 * Connected apps are the patient's own: only a patient with a full session, about themself. Returns
 * their id and how the history names them.
 */
export async function authorizePatient(
  { db, actor }: SignedInCtx,
  permission: "health:read-own" | "health:write-own",
): Promise<{ patientId: string; historyActor: HistoryActor }> {
  authorize(actor, permission, { ownerId: actor?.userId });
  const patientId = actor!.userId;
  return {
    patientId,
    historyActor:
      permission === "health:write-own" ? await historyActorOf(db, actor, "PATIENT") : { userId: patientId, role: "PATIENT", label: "" },
  };
}
