import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testCtx } from "@/lib/testing/ctx";
import { useTestDb } from "@/lib/testing/test-db";
import { completeSecondFactor, startPasswordSession } from "./create-session";
import { signOut } from "./sign-out";
import { validateSession } from "./validate-session";

describe("signing out", () => {
  const db = useTestDb();

  it("ends the session behind the token and writes it to the account's security history, once", async () => {
    const user = await db.user.create({
      data: { email: `so-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });
    const half = await startPasswordSession(db, { userId: user.id });
    const full = (await completeSecondFactor(db, { halfToken: half.token }))!;
    const other = (await completeSecondFactor(db, { halfToken: (await startPasswordSession(db, { userId: user.id })).token }))!;
    const ctx = testCtx(db);

    expect(await signOut(ctx, { token: full.token })).toBe(true);
    expect(await validateSession(db, { token: full.token })).toBeNull();
    // Only this device: the person's other session goes on.
    expect(await validateSession(db, { token: other.token })).not.toBeNull();
    // A replayed form (the token already ended) changes nothing and records nothing more.
    expect(await signOut(ctx, { token: full.token })).toBe(false);
    const events = await db.securityEvent.findMany({ where: { userId: user.id, kind: "LOGGED_OUT" } });
    expect(events).toHaveLength(1);
  });
});
