import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { authorizeAgent } from "./ticket-context";

export type SupportAgent = { id: string; name: string };

/** The active accounts holding the SUPPORT role: who a ticket may be assigned to. */
export async function listSupportAgents({ db }: Ctx, { staff }: { staff: StaffActor }): Promise<SupportAgent[]> {
  authorizeAgent(staff);
  const users = await db.user.findMany({
    where: { roles: { has: "SUPPORT" }, status: "ACTIVE" },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, firstName: true, lastName: true },
  });
  return users.map((user) => ({ id: user.id, name: `${user.firstName} ${user.lastName}` }));
}
