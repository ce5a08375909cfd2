import "server-only";
import type { Db } from "@/lib/server/db";
import type { SecurityEventKind } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/server/logger";

export type RequestContext = { ipAddress?: string | null; userAgent?: string | null };

/**
 * Appends to the account's security history ("Sécurité" page) and writes the same event to the log
 * (ASVS 16.3.1), with ids only. Never pass health data here.
 */
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
  logger.info({ event: "security_event", kind, userId, ipAddress: context?.ipAddress ?? undefined }, "security event");
}
