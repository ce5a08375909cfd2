import "server-only";
import { countUnreadAlerts } from "@/lib/server/alerts/count-unread-alerts";
import { awaitsReconsent, reconsentAppSelect, reconsentConnectionSelect } from "@/lib/server/apps/reconsent";
import type { SignedInCtx } from "@/lib/server/context/ctx";
import { authorize } from "@/lib/server/policy/policy";

/** At most this many new documents are named on the home page; the card links to the full list. */
const NEWEST = 5;

export type HomeSummary = Awaited<ReturnType<typeof loadHomeSummary>>;

/**
 * When the person was last here: the sign-in before the current one (the security events record every
 * completed sign-in). Null on a first visit, when everything counts as new.
 */
async function previousVisit(ctx: SignedInCtx): Promise<Date | null> {
  const signIns = await ctx.db.securityEvent.findMany({
    where: { userId: ctx.actor.userId, kind: "LOGIN_SECOND_FACTOR_SUCCEEDED" },
    orderBy: { createdAt: "desc" },
    take: 2,
    select: { createdAt: true },
  });
  return signIns[1]?.createdAt ?? null;
}

/**
 * What the patient's home page shows: what changed since the last visit (new documents and who added
 * them, new professional accesses, unread alerts, pending access requests, connected apps that now ask
 * for more than the patient granted) and what is still to set
 * up. Reads the patient's own record only, behind the same permission as their other pages; returns
 * titles to render, never logs them.
 */
export async function loadHomeSummary(ctx: SignedInCtx) {
  const patientId = ctx.actor.userId;
  authorize(ctx.actor, "health:read-own", { ownerId: patientId });
  const since = await previousVisit(ctx);
  const after = since ? { gt: since } : undefined;
  const [newDocuments, newDocumentCount, documentCount, newAccesses, pendingRequests, unreadAlerts, settings, connections] =
    await Promise.all([
      ctx.db.document.findMany({
        where: { ownerId: patientId, deletedAt: null, createdAt: after },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: NEWEST,
        select: {
          id: true,
          title: true,
          authorKind: true,
          authorLabel: true,
          addedById: true,
          addedBy: { select: { firstName: true, lastName: true } },
        },
      }),
      ctx.db.document.count({ where: { ownerId: patientId, deletedAt: null, createdAt: after } }),
      ctx.db.document.count({ where: { ownerId: patientId, deletedAt: null } }),
      ctx.db.accessGrant.count({ where: { patientId, revokedAt: null, createdAt: after } }),
      ctx.db.accessRequest.count({ where: { patientId, status: "PENDING" } }),
      countUnreadAlerts(ctx.db, ctx.actor),
      ctx.db.patientAccessSettings.findUnique({ where: { patientId }, select: { treatingDoctorId: true } }),
      // A patient has a handful of connections: the rule is applied to each, as the connected-apps page does.
      ctx.db.appConnection.findMany({
        where: { patientId, revokedAt: null },
        orderBy: [{ connectedAt: "desc" }, { id: "asc" }],
        select: { ...reconsentConnectionSelect, app: { select: { ...reconsentAppSelect, name: true } } },
      }),
    ]);
  return {
    since,
    newDocuments: newDocuments.map((document) => ({
      id: document.id,
      title: document.title,
      // Who added it, as the vault names authors: the patient themself, a person with an account, or a label.
      addedBy:
        document.addedById === patientId
          ? ({ kind: "self" } as const)
          : document.addedBy
            ? ({ kind: "person", name: `${document.addedBy.firstName} ${document.addedBy.lastName}` } as const)
            : ({ kind: "label", name: document.authorLabel ?? null, authorKind: document.authorKind } as const),
    })),
    newDocumentCount,
    newAccesses,
    pendingRequests,
    unreadAlerts,
    hasDocuments: documentCount > 0,
    hasTreatingDoctor: settings?.treatingDoctorId != null,
    /** Whatever the date of the last visit: an app waiting for an answer waits until the patient gives one. */
    appsAwaitingConsent: connections
      .filter((connection) => awaitsReconsent(connection, connection.app))
      .map((connection) => ({ name: connection.app.name })),
  };
}
