import "server-only";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { AppError } from "@/lib/server/errors";
import { recordHistory } from "@/lib/server/history/record-history";
import { authorizePatient } from "./patient-context";

/**
 * Ends a connection: the connection, every token it issued (a code not yet exchanged finds the connection ended), and the history
 * entry, in one transaction. The app's very next call is refused (tokens are checked in the database
 * on every call). A conditional update makes two disconnections at once count as one.
 */
export async function disconnectApp(ctx: SignedInCtx, { connectionId }: { connectionId: string }): Promise<void> {
  const { patientId, historyActor } = await authorizePatient(ctx, "health:write-own");
  const { db } = ctx;
  const now = new Date();
  await db.$transaction(async (tx) => {
    const connection = await tx.appConnection.findFirst({
      where: { id: connectionId, patientId, revokedAt: null },
      select: { id: true, app: { select: { id: true, name: true } } },
    });
    const { count } = connection
      ? await tx.appConnection.updateMany({ where: { id: connection.id, revokedAt: null }, data: { revokedAt: now } })
      : { count: 0 };
    if (!connection || count === 0)
      throw new AppError("NOT_FOUND", "No such connection for this patient.", { messageKey: "apps.manage.notConnected" });
    await tx.oAuthToken.updateMany({ where: { connectionId: connection.id, revokedAt: null }, data: { revokedAt: now } });
    await recordHistory(tx, {
      patientId,
      actor: historyActor,
      action: "APP_DISCONNECTED",
      details: { appId: connection.app.id, appName: connection.app.name },
      ipAddress: ctx.ip,
    });
  });
}
