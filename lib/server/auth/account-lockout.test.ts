import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import {
  isLocked,
  LOCKED_UNTIL_SUPPORT_UNLOCKS,
  needsSupportUnlock,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  unlockAccount,
} from "./account-lockout";

const MINUTE = 60_000;

describe("account lockout", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `lockout-${randomUUID()}@test.local`, firstName: "Paul", lastName: "Martin", status: "ACTIVE" },
      select: { id: true },
    });
  const stored = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { consecutiveFailures: true, lockedUntil: true } });
  /** How long from now the lock lasts, in minutes. */
  const minutesLeft = (until: Date | null) => (until === null ? null : (until.getTime() - Date.now()) / MINUTE);

  it("does not lock for four failures, then locks for a minute at the fifth", async () => {
    const user = await newUser();
    for (let i = 1; i <= 4; i++) {
      expect(await recordFailedSignIn(db, user.id)).toEqual({ lockedUntil: null, failures: i });
    }
    expect(isLocked(await stored(user.id))).toBe(false);
    const fifth = await recordFailedSignIn(db, user.id);
    expect(fifth.failures).toBe(5);
    expect(minutesLeft(fifth.lockedUntil)).toBeGreaterThan(0.9);
    expect(minutesLeft(fifth.lockedUntil)).toBeLessThan(1.1);
    const row = await stored(user.id);
    expect(row.lockedUntil).toEqual(fifth.lockedUntil);
    expect(isLocked(row)).toBe(true);
    expect(needsSupportUnlock(row)).toBe(false);
  });

  it("locks for 5 minutes at the 10th failure, 30 at the 20th, an hour at each further 10th", async () => {
    const user = await newUser();
    const lockAt = new Map<number, number>([
      [5, 1],
      [10, 5],
      [20, 30],
      [30, 60],
      [40, 60],
      [50, 60],
      [60, 60],
      [70, 60],
      [80, 60],
      [90, 60],
    ]);
    for (let n = 1; n <= 99; n++) {
      // Each lock is made to have expired before the next failure, so each failure is seen on its own.
      await db.user.update({ where: { id: user.id }, data: { lockedUntil: null } });
      const result = await recordFailedSignIn(db, user.id);
      expect(result.failures).toBe(n);
      const expected = lockAt.get(n);
      if (expected === undefined) {
        expect(result.lockedUntil, `failure ${n}`).toBeNull();
      } else {
        expect(minutesLeft(result.lockedUntil), `failure ${n}`).toBeGreaterThan(expected - 0.1);
        expect(minutesLeft(result.lockedUntil), `failure ${n}`).toBeLessThan(expected + 0.1);
      }
    }
  });

  it("never shortens a longer lock already in place", async () => {
    const user = await newUser();
    const later = new Date(Date.now() + 45 * MINUTE);
    await db.user.update({ where: { id: user.id }, data: { consecutiveFailures: 9, lockedUntil: later } });
    const tenth = await recordFailedSignIn(db, user.id);
    expect(tenth.lockedUntil).toEqual(later);
  });

  it("resets the count and the lock on success", async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) await recordFailedSignIn(db, user.id);
    expect(isLocked(await stored(user.id))).toBe(true);
    await recordSuccessfulSignIn(db, user.id);
    expect(await stored(user.id)).toEqual({ consecutiveFailures: 0, lockedUntil: null });
    // The count starts again from zero: four more failures do not lock.
    for (let i = 0; i < 4; i++) await recordFailedSignIn(db, user.id);
    expect(await stored(user.id)).toEqual({ consecutiveFailures: 4, lockedUntil: null });
  });

  it("at 100 failures locks until support unlocks the account", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { consecutiveFailures: 99 } });
    const hundredth = await recordFailedSignIn(db, user.id);
    expect(hundredth).toEqual({ failures: 100, lockedUntil: LOCKED_UNTIL_SUPPORT_UNLOCKS });
    const row = await stored(user.id);
    expect(row.lockedUntil).toEqual(LOCKED_UNTIL_SUPPORT_UNLOCKS);
    expect(needsSupportUnlock(row)).toBe(true);
    // Still locked a century from now.
    expect(isLocked(row, new Date(Date.now() + 100 * 365 * 24 * 60 * MINUTE))).toBe(true);
    // Further failures keep it there.
    expect((await recordFailedSignIn(db, user.id)).lockedUntil).toEqual(LOCKED_UNTIL_SUPPORT_UNLOCKS);

    await unlockAccount(db, user.id);
    const unlocked = await stored(user.id);
    expect(unlocked).toEqual({ consecutiveFailures: 0, lockedUntil: null });
    expect(isLocked(unlocked)).toBe(false);
    expect(needsSupportUnlock(unlocked)).toBe(false);
  });

  it("counts 30 concurrent failures exactly, each threshold firing once", async () => {
    const user = await newUser();
    const results = await Promise.all(Array.from({ length: 30 }, () => recordFailedSignIn(db, user.id)));
    expect(results.map((result) => result.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const row = await stored(user.id);
    expect(row.consecutiveFailures).toBe(30);
    // The 30th failure set an hour's lock.
    expect(minutesLeft(row.lockedUntil)).toBeGreaterThan(59.9);
    expect(minutesLeft(row.lockedUntil)).toBeLessThan(60.1);
  });

  it("is locked only while lockedUntil is in the future", () => {
    const now = new Date("2030-01-01T12:00:00Z");
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
    expect(isLocked({ lockedUntil: new Date("2030-01-01T12:00:01Z") }, now)).toBe(true);
    expect(isLocked({ lockedUntil: new Date("2030-01-01T12:00:00Z") }, now)).toBe(false);
    expect(isLocked({ lockedUntil: new Date("2030-01-01T11:59:59Z") }, now)).toBe(false);
  });

  it("refuses an unknown account rather than pretending to count", async () => {
    await expect(recordFailedSignIn(db, randomUUID())).rejects.toThrow();
  });
});
