import "server-only";
import type { Role, SessionStage } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/**
 * The one place that says who may do what. Pages, server actions, route handlers and (later) the FHIR
 * API ask it where they read or write, never a layout or the proxy. Deny by default: a permission
 * absent from the table below is refused, and so is every permission to a session that has not
 * passed its second factor, except finishing the sign-in itself.
 */
export type Actor = { userId: string; roles: readonly Role[]; stage: SessionStage; hasConfirmedFactor: boolean } | null;

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
  | "account:enrol-first-factor";

type Rule = (actor: NonNullable<Actor>, resource: { ownerId?: string }) => boolean;

const full = (actor: NonNullable<Actor>) => actor.stage === "FULL";

const RULES: Record<Permission, Rule> = {
  "session:full": (actor) => full(actor),
  "health:read-own": (actor, resource) => full(actor) && actor.roles.includes("PATIENT") && resource.ownerId === actor.userId,
  "health:write-own": (actor, resource) => full(actor) && actor.roles.includes("PATIENT") && resource.ownerId === actor.userId,
  "account:manage-own": (actor) => full(actor),
  "account:enrol-first-factor": (actor) => full(actor) || !actor.hasConfirmedFactor,
};

export function can(actor: Actor, permission: Permission, resource: { ownerId?: string } = {}): boolean {
  if (!actor) return false;
  const rule = RULES[permission] as Rule | undefined;
  return rule ? rule(actor, resource) : false;
}

/** Throws UNAUTHENTICATED without a full session, FORBIDDEN when the session may not. */
export function authorize(actor: Actor, permission: Permission, resource: { ownerId?: string } = {}): void {
  if (can(actor, permission, resource)) return;
  if (!actor || (actor.stage !== "FULL" && permission !== "account:enrol-first-factor")) throw new AppError("UNAUTHENTICATED");
  throw new AppError("FORBIDDEN");
}

export function actorOf(session: { user: { id: string; roles: Role[] }; stage: SessionStage; hasConfirmedFactor: boolean } | null): Actor {
  return session ? { userId: session.user.id, roles: session.user.roles, stage: session.stage, hasConfirmedFactor: session.hasConfirmedFactor } : null;
}
