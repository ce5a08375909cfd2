import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { getConfig } from "@/lib/server/config";
import type { Ctx, SignedInCtx } from "@/lib/server/context/ctx";
import type { Db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/policy/policy";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";

type TestCtxOptions = Partial<Omit<Ctx, "db" | "storage">> & { storage?: BlobStorage };

/**
 * A context for a service under test, as the boundary would build it: the test's database, an actor
 * (none by default), a fixed address, the real clock, a silent logger and, when a service asks for
 * it, a storage folder of its own. Anything may be overridden (a fixed `now`, another address).
 */
/**
 * With an actor named (even null), the ctx is typed as signed in: a test may call an operation as
 * nobody to prove it still refuses at run time what the boundary's types already keep out.
 */
export function testCtx(db: Db, options: Omit<TestCtxOptions, "actor"> & { actor: Actor | null }): SignedInCtx;
export function testCtx(db: Db, options?: TestCtxOptions): Ctx;
export function testCtx(db: Db, options: TestCtxOptions = {}): Ctx {
  const { storage, ...rest } = options;
  let ownStorage = storage;
  const requestId = rest.requestId ?? `test-${crypto.randomUUID()}`;
  return {
    db,
    actor: null,
    ip: "192.0.2.1",
    userAgent: "vitest",
    now: () => new Date(),
    get config() {
      return getConfig();
    },
    log: pino({ level: process.env.LOG_LEVEL || "silent" }).child({ requestId }),
    requestId,
    ...rest,
    get storage() {
      ownStorage ??= createLocalStorage({ root: mkdtempSync(join(tmpdir(), "ctx-storage-")) });
      return ownStorage;
    },
  };
}

/** The same for a signed-in person: what a route or a permission-checked action gives its service. */
export function testSignedInCtx(db: Db, actor: Actor, options: Omit<TestCtxOptions, "actor"> = {}): SignedInCtx {
  return testCtx(db, { ...options, actor }) as SignedInCtx;
}

/** A person signed in with both factors, as a patient: what an account or space action gives its service. */
export function testAccountCtx(db: Db, userId: string, options: Omit<TestCtxOptions, "actor"> = {}): SignedInCtx {
  return testSignedInCtx(db, { userId, roles: ["PATIENT"], stage: "FULL", hasConfirmedFactor: true }, options);
}

/**
 * Nobody signed in, typed as an actor: past the boundary the types keep null out, and the services
 * still refuse it at run time (defence in depth); the tests that prove it pass this.
 */
export const NOBODY = null as unknown as Actor;
