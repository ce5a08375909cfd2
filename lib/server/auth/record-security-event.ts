import "server-only";
import type { Db } from "@/lib/server/db";
import type { SecurityEventKind } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/server/context/ctx";
import { logger } from "@/lib/server/logger";

/** The part of the request's Ctx an account service needs: where the request came from, and the log. */
export type RequestContext = Partial<Pick<Ctx, "ip" | "userAgent" | "log">>;

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
      ipAddress: context?.ip?.slice(0, 45) ?? null,
      userAgent: context?.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  (context?.log ?? logger).info({ event: "security_event", kind, userId, ipAddress: context?.ip ?? undefined }, "security event");
}
