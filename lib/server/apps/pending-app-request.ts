import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { newlyAsked, reconsentAppSelect, reconsentConnectionSelect } from "./reconsent";

const readConnection = (tx: Tx, { patientId, connectionId }: { patientId: string; connectionId: string }) =>
  tx.appConnection.findFirst({
    where: { id: connectionId, patientId, revokedAt: null },
    select: { ...reconsentConnectionSelect, id: true, app: { select: { ...reconsentAppSelect, name: true } } },
  });

/**
 * The patient's connection in force and what its app now asks beyond their answers, read again under
 * the lock every consent to that app takes (apply-consent.ts), so that two answers line up.
 */
export async function pendingAppRequest(tx: Tx, { patientId, connectionId }: { patientId: string; connectionId: string }) {
  const first = await readConnection(tx, { patientId, connectionId });
  if (first) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`app-connection:${patientId}:${first.app.id}`}, 0))`;
  const connection = first && (await readConnection(tx, { patientId, connectionId }));
  if (!connection) throw new AppError("NOT_FOUND", "No such connection for this patient.", { messageKey: "apps.manage.notConnected" });
  const asked = newlyAsked(connection, connection.app);
  if (asked.scopes.length === 0 && asked.categories.length === 0)
    throw new AppError("CONFLICT", "This app asks for nothing new.", { messageKey: "apps.reconsent.nothingAsked" });
  return { connection, asked };
}
