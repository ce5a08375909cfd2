import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/lib/testing/test-db";
import { consumeRecoveryCode, countRemainingRecoveryCodes, generateRecoveryCodes } from "./recovery-codes";

const hmacKey = randomBytes(32);

describe("recovery codes", () => {
  const db = useTestDb();
  const newUser = () =>
    db.user.create({
      data: { email: `rc-${randomUUID()}@test.local`, firstName: "Léa", lastName: "Roux", status: "ACTIVE" },
      select: { id: true },
    });

  it("gives ten distinct codes of ten unambiguous characters, shown as XXXXX-XXXXX", async () => {
    const user = await newUser();
    const codes = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(await countRemainingRecoveryCodes(db, user.id)).toBe(10);
  });

  it("stores only keyed hashes, never a code in clear", async () => {
    const user = await newUser();
    const codes = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace("-", ""));
      expect(stored).not.toContain(code.slice(0, 5));
    }
    const expected = codes.map((code) => createHmac("sha256", hmacKey).update(code.replace("-", "")).digest("hex")).sort();
    expect(rows.map((row) => row.codeHash).sort()).toEqual(expected);
    for (const row of rows) expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a code once, then refuses it", async () => {
    const user = await newUser();
    const [code] = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    expect(await consumeRecoveryCode(db, { userId: user.id, code, hmacKey })).toBe(true);
    expect(await consumeRecoveryCode(db, { userId: user.id, code, hmacKey })).toBe(false);
    expect(await countRemainingRecoveryCodes(db, user.id)).toBe(9);
  });

  it("accepts a code in lower case, without its dash, with spaces, or with I, L, O misread", async () => {
    const user = await newUser();
    const codes = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    expect(await consumeRecoveryCode(db, { userId: user.id, code: codes[0].toLowerCase(), hmacKey })).toBe(true);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: codes[1].replace("-", ""), hmacKey })).toBe(true);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: ` ${codes[2].slice(0, 5)} ${codes[2].slice(6)} `, hmacKey })).toBe(true);
    // A code with 0s and 1s in it, typed as the letters they look like.
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: createHmac("sha256", hmacKey).update("01ABC10XYZ").digest("hex") } });
    expect(await consumeRecoveryCode(db, { userId: user.id, code: "oLabc-iOxyz", hmacKey })).toBe(true);
  });

  it("refuses wrong, malformed and oversized input", async () => {
    const user = await newUser();
    const [code] = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    const other = code.startsWith("A") ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    for (const bad of [other, code.slice(0, 10), `${code}0`, "", "UUUUU-UUUUU", "x".repeat(10_000)]) {
      expect(await consumeRecoveryCode(db, { userId: user.id, code: bad, hmacKey }), bad.slice(0, 20)).toBe(false);
    }
    expect(await countRemainingRecoveryCodes(db, user.id)).toBe(10);
  });

  it("refuses another person's code", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const [aliceCode] = await generateRecoveryCodes(db, { userId: alice.id, hmacKey });
    await generateRecoveryCodes(db, { userId: bob.id, hmacKey });
    expect(await consumeRecoveryCode(db, { userId: bob.id, code: aliceCode, hmacKey })).toBe(false);
    expect(await consumeRecoveryCode(db, { userId: alice.id, code: aliceCode, hmacKey })).toBe(true);
  });

  it("invalidates the old codes, used or not, when new ones are made", async () => {
    const user = await newUser();
    const old = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    await consumeRecoveryCode(db, { userId: user.id, code: old[0], hmacKey });
    const fresh = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect(await countRemainingRecoveryCodes(db, user.id)).toBe(10);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: old[1], hmacKey })).toBe(false);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: fresh[0], hmacKey })).toBe(true);
  });

  it("accepts one code exactly once when ten requests carry it at the same moment", async () => {
    const user = await newUser();
    const [code] = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeRecoveryCode(db, { userId: user.id, code, hmacKey })));
    expect(results.filter((ok) => ok)).toHaveLength(1);
    expect(await countRemainingRecoveryCodes(db, user.id)).toBe(9);
  });

  it("depends on the key: a code hashed under another key matches nothing", async () => {
    const user = await newUser();
    const [code] = await generateRecoveryCodes(db, { userId: user.id, hmacKey });
    expect(await consumeRecoveryCode(db, { userId: user.id, code, hmacKey: randomBytes(32) })).toBe(false);
  });

  it("derives its key from the configured secret by default", async () => {
    const user = await newUser();
    const [first, second] = await generateRecoveryCodes(db, { userId: user.id });
    expect(await consumeRecoveryCode(db, { userId: user.id, code: first })).toBe(true);
    expect(await consumeRecoveryCode(db, { userId: user.id, code: second, hmacKey })).toBe(false);
  });
});
