import "server-only";
import type { Role, SessionStage } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/**
 * The one place that says who may do what. Pages, server actions, route handlers and (later) the FHIR
 * API ask it where they read or write, never a layout or the proxy. Deny by default: a permission
 * absent from the table below is refused, and so is every permission to a session that has not
 * passed its second factor, except finishing the sign-in itself.
 */
/**
 * A signed-in person. "Nobody signed in" (null) exists only at the boundary (Ctx.actor, can, authorize,
 * actorOf): past it, an operation acting for someone takes a SignedInCtx or an Actor and never checks for null.
 */
export type Actor = { userId: string; roles: readonly Role[]; stage: SessionStage; hasConfirmedFactor: boolean };

export type Permission =
  /**
   * Any signed-in person past their second factor, for an action whose service then decides with the
   * health authorization module (lib/server/access), which knows the resource's owner.
   */
  | "session:full"
  /** The person's own space: their documents and health data. */
  | "health:read-own"
  | "health:write-own"
  /** The Sécurité page: sessions, factors, events, password, e-mail. */
  | "account:manage-own"
  /** Enrolling a first second factor, the one thing a half session of a new account may do. */
  | "account:enrol-first-factor"
  /** Opening and following one's own support tickets. */
  | "support:contact"
  /** Support agents: account metadata (never health data) and the actions on accounts. */
  | "support:accounts"
  /** Support agents: the ticket queue. */
  | "support:tickets"
  /** Catalogue curators: submissions, reviews, listing decisions, reports. */
  | "catalogue:curate"
  /** Admins: staff roles, the dashboard, the staff audit log and the history chain check. */
  | "admin:roles"
  | "admin:dashboard"
  | "admin:audit";

type Rule = (actor: Actor, resource: { ownerId?: string }) => boolean;

const full = (actor: Actor) => actor.stage === "FULL";

const RULES: Record<Permission, Rule> = {
  "session:full": (actor) => full(actor),
  "health:read-own": (actor, resource) => full(actor) && actor.roles.includes("PATIENT") && resource.ownerId === actor.userId,
  "health:write-own": (actor, resource) => full(actor) && actor.roles.includes("PATIENT") && resource.ownerId === actor.userId,
  "account:manage-own": (actor) => full(actor),
  "account:enrol-first-factor": (actor) => full(actor) || !actor.hasConfirmedFactor,
  "support:contact": (actor) => full(actor),
  // Staff permissions follow the role alone: none of them reaches health data, which only the
  // health authorization module (lib/server/access) grants, and it knows no staff role.
  "support:accounts": (actor) => full(actor) && actor.roles.includes("SUPPORT"),
  "support:tickets": (actor) => full(actor) && actor.roles.includes("SUPPORT"),
  "catalogue:curate": (actor) => full(actor) && actor.roles.includes("CURATOR"),
  "admin:roles": (actor) => full(actor) && actor.roles.includes("ADMIN"),
  "admin:dashboard": (actor) => full(actor) && actor.roles.includes("ADMIN"),
  "admin:audit": (actor) => full(actor) && actor.roles.includes("ADMIN"),
};

/** The staff role a permission is exercised in, as the staff audit log records it. */
export const STAFF_ROLE_OF: Partial<Record<Permission, Role>> = {
  "support:accounts": "SUPPORT",
  "support:tickets": "SUPPORT",
  "catalogue:curate": "CURATOR",
  "admin:roles": "ADMIN",
  "admin:dashboard": "ADMIN",
  "admin:audit": "ADMIN",
};

export function can(actor: Actor | null, permission: Permission, resource: { ownerId?: string } = {}): boolean {
  if (!actor) return false;
  const rule = RULES[permission] as Rule | undefined;
  return rule ? rule(actor, resource) : false;
}

/** Throws UNAUTHENTICATED without a full session, FORBIDDEN when the session may not. */
export function authorize(actor: Actor | null, permission: Permission, resource: { ownerId?: string } = {}): void {
  if (can(actor, permission, resource)) return;
  if (!actor || (actor.stage !== "FULL" && permission !== "account:enrol-first-factor")) throw new AppError("UNAUTHENTICATED");
  throw new AppError("FORBIDDEN");
}

type SessionFacts = { user: { id: string; roles: Role[] }; stage: SessionStage; hasConfirmedFactor: boolean };

/** The actor of a session; a page or action that has required one gets an Actor, never null. */
export function actorOf(session: SessionFacts): Actor;
export function actorOf(session: SessionFacts | null): Actor | null;
export function actorOf(session: SessionFacts | null): Actor | null {
  return session
    ? { userId: session.user.id, roles: session.user.roles, stage: session.stage, hasConfirmedFactor: session.hasConfirmedFactor }
    : null;
}
