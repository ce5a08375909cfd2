import "server-only";
import type { Db } from "@/lib/server/db";
import type { SecurityEventKind } from "@/lib/generated/prisma/client";

export type RequestContext = { ipAddress?: string | null; userAgent?: string | null };

/** Appends to the account's security history ("Sécurité" page). Never pass health data here. */
export async function recordSecurityEvent(
  db: Pick<Db, "securityEvent">,
  { userId, kind, context }: { userId: string; kind: SecurityEventKind; context?: RequestContext },
) {
  await db.securityEvent.create({
    data: {
      userId,
      kind,
      ipAddress: context?.ipAddress?.slice(0, 45) ?? null,
      userAgent: context?.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
}
