import "server-only";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { getConfig, type AppConfig } from "@/lib/server/config";
import { getDb, type Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import type { Actor } from "@/lib/server/policy/policy";
import { contextFromHeaders } from "@/lib/server/request-context";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { getStorage } from "@/lib/server/storage/get-storage";
import { requestIdOf } from "@/lib/http/request-id";

/**
 * What every operation receives first: who asks, from where, and the process's resources. Built once
 * at the boundary (jsonRoute, defineAction, fhirRoute, pageCtx; systemCtx for jobs and scripts) and
 * passed down unchanged, so a service never reads headers, the session or a global itself and a test
 * gives it a database and an actor the same way (lib/testing/ctx.ts).
 */
export type Ctx = {
  db: Db;
  /** The signed-in person, or null (a public action, a FHIR call made by an app, a job). */
  actor: Actor | null;
  /** The client's address as the load balancer saw it (request-context.ts), or null. */
  ip: string | null;
  userAgent: string | null;
  /** The clock; a function so that a long job reads the time when it acts, and a test can fix it. */
  now: () => Date;
  readonly storage: BlobStorage;
  config: AppConfig;
  /** The process logger bound to `requestId`: every line of a request carries it. */
  log: Logger;
  /** Set by the proxy (or a load balancer before it): the reference support finds the logs by. */
  requestId: string;
};

/** A context whose actor is a signed-in person: what jsonRoute and a permission-checked action give. */
export type SignedInCtx = Ctx & { actor: Actor };

/** The same context, once the boundary has checked that someone is signed in. */
export function signedIn(ctx: Ctx): SignedInCtx {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  return ctx as SignedInCtx;
}

function makeCtx({
  db,
  storage,
  actor,
  ip,
  userAgent,
  requestId,
  bindings,
}: {
  db?: Db;
  storage?: BlobStorage;
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  bindings?: Record<string, unknown>;
}): Ctx {
  // The process's resources are read on first use: a ctx costs nothing for what a request does not touch.
  return {
    get db() {
      return db ?? getDb();
    },
    actor,
    ip,
    userAgent,
    now: () => new Date(),
    get storage() {
      return storage ?? getStorage();
    },
    get config() {
      return getConfig();
    },
    log: logger.child({ requestId, ...bindings }),
    requestId,
  };
}

/** The context of an HTTP request (a route handler's, or the headers() of a page or action). */
export function requestCtx(headers: Headers, actor: Actor | null): Ctx {
  return makeCtx({ actor, ...contextFromHeaders(headers), requestId: requestIdOf(headers) });
}

/**
 * The context of work no person asked for at that moment: background passes, scripts, the seed.
 * There is no actor: the policy grants nothing to none, so a system operation authorizes by what it
 * is, never by borrowing someone's rights. `job` names the work in every log line.
 * A script that opened its own database or storage (vault:check) passes them.
 */
export function systemCtx({ job, db, storage }: { job: string; db?: Db; storage?: BlobStorage }): Ctx {
  return makeCtx({ db, storage, actor: null, ip: null, userAgent: null, requestId: `${job}:${randomUUID()}`, bindings: { job } });
}
