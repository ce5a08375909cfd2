import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, decrypt, encrypt } from "./encryption";

describe("encryption at rest (AES-256-GCM)", () => {
  const key = randomBytes(32);
  const aad = "totp:7f1c2a4e-0000-4000-8000-000000000001";
  const plaintext = Buffer.from("a TOTP shared secret, 20 b");

  it("decrypts what it encrypted, in the documented layout", () => {
    const blob = encrypt(plaintext, { key, aad });
    expect(blob[0]).toBe(1);
    expect(blob.length).toBe(1 + 12 + plaintext.length + 16);
    expect(blob.includes(plaintext)).toBe(false);
    expect(decrypt(blob, { key, aad })).toEqual(plaintext);
  });

  it("accepts the Uint8Array the database driver returns", () => {
    const blob = encrypt(plaintext, { key, aad });
    expect(decrypt(new Uint8Array(blob), { key, aad })).toEqual(plaintext);
  });

  it("refuses a blob with any byte modified", () => {
    const blob = encrypt(plaintext, { key, aad });
    // Every region: IV, ciphertext and tag (the version byte has its own test).
    for (const index of [1, 12, 13, 13 + plaintext.length - 1, blob.length - 16, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[index] ^= 0x01;
      expect(() => decrypt(tampered, { key, aad }), `byte ${index}`).toThrow(DecryptionError);
    }
  });

  it("refuses a blob moved to another owner or purpose", () => {
    const blob = encrypt(plaintext, { key, aad });
    expect(() => decrypt(blob, { key, aad: "totp:7f1c2a4e-0000-4000-8000-000000000002" })).toThrow(DecryptionError);
    expect(() => decrypt(blob, { key, aad: "" })).toThrow(DecryptionError);
  });

  it("refuses the wrong key", () => {
    const blob = encrypt(plaintext, { key, aad });
    expect(() => decrypt(blob, { key: randomBytes(32), aad })).toThrow(/wrong key/);
  });

  it("refuses an unknown version and truncated data", () => {
    const blob = encrypt(plaintext, { key, aad });
    const future = Buffer.from(blob);
    future[0] = 2;
    expect(() => decrypt(future, { key, aad })).toThrow(/unknown format version 2/);
    expect(() => decrypt(blob.subarray(0, 28), { key, aad })).toThrow(/truncated/);
  });

  it("gives a different ciphertext each time for the same plaintext (random IV)", () => {
    const a = encrypt(plaintext, { key, aad });
    const b = encrypt(plaintext, { key, aad });
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it("encrypts an empty plaintext too", () => {
    expect(decrypt(encrypt(Buffer.alloc(0), { key, aad }), { key, aad }).length).toBe(0);
  });

  it("refuses a key of the wrong length rather than using a weaker cipher", () => {
    expect(() => encrypt(plaintext, { key: randomBytes(16), aad })).toThrow(/32 bytes/);
  });

  it("uses the configured master key by default", () => {
    const blob = encrypt(plaintext, { aad });
    expect(decrypt(blob, { aad })).toEqual(plaintext);
    expect(() => decrypt(blob, { key, aad })).toThrow(DecryptionError);
  });
});
