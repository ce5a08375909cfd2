import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSpaceCode } from "@/lib/identifiers/space-code";
import { useTestDb } from "@/lib/testing/test-db";
import { ensureSpaceCode } from "./space-code";

describe("ensureSpaceCode", () => {
  const db = useTestDb();
  const newUser = async (spaceCode: string | null = null) =>
    (
      await db.user.create({
        data: { email: `s-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", spaceCode },
        select: { id: true },
      })
    ).id;

  it("gives a patient a code once and the same code afterwards, even to concurrent first views", async () => {
    const userId = await newUser();
    const codes = await Promise.all([ensureSpaceCode(db, userId), ensureSpaceCode(db, userId), ensureSpaceCode(db, userId)]);
    expect(codes[0]).toMatch(/^ENS-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(new Set(codes).size).toBe(1);
    expect(await ensureSpaceCode(db, userId)).toBe(codes[0]);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).spaceCode).toBe(codes[0]);
  });

  it("draws again when the code is another patient's", async () => {
    const taken = newSpaceCode();
    await newUser(taken);
    const userId = await newUser();
    const fresh = newSpaceCode();
    const draws = [taken, taken, fresh];
    expect(await ensureSpaceCode(db, userId, () => draws.shift()!)).toBe(fresh);
    expect(draws).toEqual([]);
  });

  it("gives up after a few collisions rather than looping", async () => {
    const taken = newSpaceCode();
    await newUser(taken);
    const userId = await newUser();
    await expect(ensureSpaceCode(db, userId, () => taken)).rejects.toThrow(/No free space code/);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).spaceCode).toBeNull();
  });
});
