import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { historyActorOf } from "@/lib/server/history/history-actor";
import type { HistoryActor } from "@/lib/server/history/record-history";
import type { Actor } from "@/lib/server/policy/policy";
import type { AllowedAccess } from "./authorize-health";

/** Who the history names for an allowed access: the patient, or the professional in that role. */
export async function historyActorForAccess(db: Pick<Db, "user">, actor: Actor, access: AllowedAccess): Promise<HistoryActor> {
  return historyActorOf(db, actor, access.basis === "OWNER" ? "PATIENT" : "PROFESSIONAL");
}

/** Why an access was allowed, for the history's "why" column: nothing to add for the patient's own. */
export function accessDetails(access: AllowedAccess): Prisma.InputJsonObject | null {
  if (access.basis === "OWNER") return null;
  return {
    basis: access.basis,
    ...(access.facts.professional ? { professionalId: access.facts.professional.id } : {}),
    ...(access.grantId ? { grantId: access.grantId } : {}),
    ...(access.emergencyAccessId ? { emergencyAccessId: access.emergencyAccessId } : {}),
  };
}
