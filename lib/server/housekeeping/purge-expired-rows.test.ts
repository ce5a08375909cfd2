import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newCatalogApp, newOAuthClient } from "@/lib/testing/catalogue-fixtures";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { purgeExpiredRows, RETENTION } from "./purge-expired-rows";

// Transactions from two connections interleave only on a real server: PGlite runs one at a time.
const realPostgres = Boolean(process.env.DATABASE_URL);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const IDLE = 30 * MINUTE;

describe("purging rows that have outlived their use", () => {
  const db = useTestDb();
  // A second client, as a second app instance would have.
  const otherInstance = useTestDb();
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs);
  const hex64 = () => randomUUID().replaceAll("-", "").padEnd(64, "0");

  async function newUser() {
    return db.user.create({
      data: { email: `purge-${randomUUID()}@test.local`, firstName: "Camille", lastName: "Testeur", roles: ["PATIENT"], status: "ACTIVE" },
      select: { id: true },
    });
  }

  async function newConnection(patientId: string) {
    const app = await newCatalogApp(db, { requestedScopes: ["patient/Patient.r"] });
    const client = await newOAuthClient(db, app.id);
    const connection = await db.appConnection.create({
      data: { patientId, appId: app.id, scopes: ["patient/Patient.r"], categories: [] },
      select: { id: true },
    });
    return { clientId: client.id, connectionId: connection.id };
  }

  const session = (userId: string, data: { expiresAt: Date; lastSeenAt: Date; stage: "FULL" | "PASSWORD_VERIFIED" }) =>
    db.session.create({ data: { userId, tokenHash: hex64(), ...data }, select: { id: true } });
  const verificationCode = (userId: string, expiresAt: Date) =>
    db.verificationCode.create({ data: { userId, purpose: "LOGIN_OTP", codeHash: hex64(), expiresAt }, select: { id: true } });
  const message = (data: { sentAt: Date | null; createdAt: Date }) =>
    db.outboundMessage.create({
      data: { channel: "EMAIL", recipient: `purge-${randomUUID()}@test.local`, subject: "Code", body: "Votre code : 123456", ...data },
      select: { id: true },
    });

  it("deletes what has expired, and only that", async () => {
    const user = await newUser();
    const sessions = {
      pastItsEnd: await session(user.id, { expiresAt: at(-MINUTE), lastSeenAt: at(-2 * MINUTE), stage: "FULL" }),
      idle: await session(user.id, { expiresAt: at(6 * HOUR), lastSeenAt: at(-IDLE - MINUTE), stage: "FULL" }),
      // A half session has no idle timeout: its short absolute expiry is what ends it.
      halfWaiting: await session(user.id, { expiresAt: at(5 * MINUTE), lastSeenAt: at(-IDLE - MINUTE), stage: "PASSWORD_VERIFIED" }),
      live: await session(user.id, { expiresAt: at(6 * HOUR), lastSeenAt: at(-MINUTE), stage: "FULL" }),
    };
    const codes = {
      longExpired: await verificationCode(user.id, at(-RETENTION.expiredCodeMs - MINUTE)),
      justExpired: await verificationCode(user.id, at(-MINUTE)),
      live: await verificationCode(user.id, at(10 * MINUTE)),
    };
    const bucketKeys = { expired: `purge:${randomUUID()}`, live: `purge:${randomUUID()}` };
    await db.rateLimitBucket.createMany({
      data: [
        { key: bucketKeys.expired, count: 3, windowStart: at(-2 * HOUR), expiresAt: at(-HOUR) },
        { key: bucketKeys.live, count: 3, windowStart: at(-MINUTE), expiresAt: at(HOUR) },
      ],
    });

    const { clientId, connectionId } = await newConnection(user.id);
    const request = (expiresAt: Date) =>
      db.oAuthAuthorizationRequest.create({
        data: { clientId, redirectUri: "https://app.test.invalid/cb", codeChallenge: "x".repeat(43), scopes: [], expiresAt },
        select: { id: true },
      });
    const requests = { expired: await request(at(-RETENTION.expiredCodeMs - MINUTE)), live: await request(at(5 * MINUTE)) };
    const code = async (expiresAt: Date) => {
      const codeHash = hex64();
      await db.oAuthAuthorizationCode.create({
        data: {
          codeHash,
          clientId,
          connectionId,
          redirectUri: "https://app.test.invalid/cb",
          codeChallenge: "x".repeat(43),
          scopes: [],
          expiresAt,
          usedAt: at(-2 * DAY),
        },
      });
      return codeHash;
    };
    const authorizationCodes = { old: await code(at(-RETENTION.authorizationCodeMs - HOUR)), recent: await code(at(-HOUR)) };
    const token = (familyId: string, kind: "ACCESS" | "REFRESH", expiresAt: Date, rotatedAt: Date | null = null) =>
      db.oAuthToken.create({
        data: { tokenHash: hex64(), kind, clientId, connectionId, scopes: [], familyId, expiresAt, rotatedAt },
        select: { id: true },
      });
    const livingFamily = randomUUID();
    const deadFamily = randomUUID();
    const recentFamily = randomUUID();
    const tokens = {
      // The rotated refresh token stays while its family lives: presenting it again must still revoke the family.
      livingRotated: await token(livingFamily, "REFRESH", at(-2 * DAY), at(-2 * DAY)),
      livingOldAccess: await token(livingFamily, "ACCESS", at(-2 * DAY)),
      livingCurrent: await token(livingFamily, "REFRESH", at(20 * DAY)),
      deadRefresh: await token(deadFamily, "REFRESH", at(-2 * DAY), at(-3 * DAY)),
      deadAccess: await token(deadFamily, "ACCESS", at(-3 * DAY)),
      recentlyExpired: await token(recentFamily, "ACCESS", at(-HOUR)),
    };
    const messages = {
      sentLongAgo: await message({ sentAt: at(-RETENTION.sentMessageMs - MINUTE), createdAt: at(-2 * HOUR) }),
      sentJustNow: await message({ sentAt: at(-MINUTE), createdAt: at(-MINUTE) }),
      neverSentOld: await message({ sentAt: null, createdAt: at(-RETENTION.unsentMessageMs - HOUR) }),
      neverSentRecent: await message({ sentAt: null, createdAt: at(-DAY) }),
    };

    const result = await purgeExpiredRows(testCtx(db), { sessionIdleMs: IDLE });
    // Other test files share the database: at least ours went, maybe others' too.
    expect(result.sessions).toBeGreaterThanOrEqual(2);
    expect(result.tokens).toBeGreaterThanOrEqual(2);

    const ids = <T extends { id: string }>(rows: T[]) => rows.map((row) => row.id).sort();
    const sorted = (...values: string[]) => [...values].sort();
    expect(ids(await db.session.findMany({ where: { userId: user.id }, select: { id: true } }))).toEqual(
      sorted(sessions.halfWaiting.id, sessions.live.id),
    );
    expect(ids(await db.verificationCode.findMany({ where: { userId: user.id }, select: { id: true } }))).toEqual(
      sorted(codes.justExpired.id, codes.live.id),
    );
    expect(
      (await db.rateLimitBucket.findMany({ where: { key: { in: Object.values(bucketKeys) } }, select: { key: true } })).map(
        (row) => row.key,
      ),
    ).toEqual([bucketKeys.live]);
    expect(ids(await db.oAuthAuthorizationRequest.findMany({ where: { clientId }, select: { id: true } }))).toEqual([requests.live.id]);
    expect(
      (await db.oAuthAuthorizationCode.findMany({ where: { clientId }, select: { codeHash: true } })).map((row) => row.codeHash),
    ).toEqual([authorizationCodes.recent]);
    expect(ids(await db.oAuthToken.findMany({ where: { clientId }, select: { id: true } }))).toEqual(
      sorted(tokens.livingRotated.id, tokens.livingOldAccess.id, tokens.livingCurrent.id, tokens.recentlyExpired.id),
    );
    const left = await db.outboundMessage.findMany({
      where: { id: { in: Object.values(messages).map((row) => row.id) } },
      select: { id: true },
    });
    expect(ids(left)).toEqual(sorted(messages.sentJustNow.id, messages.neverSentRecent.id));
  });

  it("goes through more rows than one batch", async () => {
    const user = await newUser();
    await db.verificationCode.createMany({
      data: Array.from({ length: 2_345 }, () => ({
        userId: user.id,
        purpose: "LOGIN_OTP" as const,
        codeHash: hex64(),
        expiresAt: at(-DAY),
      })),
    });
    const result = await purgeExpiredRows(testCtx(db), { sessionIdleMs: IDLE });
    expect(result.verificationCodes).toBeGreaterThanOrEqual(2_345);
    expect(await db.verificationCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it.runIf(realPostgres)("skips, without waiting, a row another instance holds, and takes it on the next pass", async () => {
    const user = await newUser();
    const held = await session(user.id, { expiresAt: at(-MINUTE), lastSeenAt: at(-HOUR), stage: "FULL" });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let lockTaken!: () => void;
    const locked = new Promise<void>((resolve) => (lockTaken = resolve));
    const otherInstanceValidating = otherInstance.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Session" WHERE "id" = ${held.id}::uuid FOR UPDATE`;
        lockTaken();
        await released;
      },
      { timeout: 20_000 },
    );
    try {
      await locked;
      // Two passes at once, as two instances would run them: neither waits on the held row nor fails.
      await Promise.all([purgeExpiredRows(testCtx(db), { sessionIdleMs: IDLE }), purgeExpiredRows(testCtx(db), { sessionIdleMs: IDLE })]);
      expect(await db.session.count({ where: { id: held.id } })).toBe(1);
    } finally {
      release();
      await otherInstanceValidating;
    }
    await purgeExpiredRows(testCtx(db), { sessionIdleMs: IDLE });
    expect(await db.session.count({ where: { id: held.id } })).toBe(0);
  });
});
