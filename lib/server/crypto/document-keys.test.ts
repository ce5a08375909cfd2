import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDocumentKey, rewrapDocumentKey, unwrapDocumentKey, wrapDocumentKey } from "./document-keys";
import { DecryptionError } from "./encryption";

describe("document data keys wrapped by the master key", () => {
  const masterKey = randomBytes(32);
  const documentId = "0b9d6c1e-5c0f-4a43-9d3c-6f1a2b3c4d5e";

  it("generates a fresh 32-byte key each time", () => {
    const first = generateDocumentKey();
    expect(first.length).toBe(32);
    expect(generateDocumentKey().equals(first)).toBe(false);
  });

  it("unwraps what it wrapped, and the wrapped value does not contain the key", () => {
    const dataKey = generateDocumentKey();
    const wrapped = wrapDocumentKey(dataKey, { documentId, masterKey });
    expect(wrapped.length).toBe(61);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDocumentKey(wrapped, { documentId, masterKey }).equals(dataKey)).toBe(true);
    // As the database driver returns it.
    expect(unwrapDocumentKey(new Uint8Array(wrapped), { documentId, masterKey }).equals(dataKey)).toBe(true);
  });

  it("refuses another document's id, the wrong master key and a modified value", () => {
    const wrapped = wrapDocumentKey(generateDocumentKey(), { documentId, masterKey });
    expect(() => unwrapDocumentKey(wrapped, { documentId: "0b9d6c1e-5c0f-4a43-9d3c-6f1a2b3c4d5f", masterKey })).toThrow(DecryptionError);
    expect(() => unwrapDocumentKey(wrapped, { documentId, masterKey: randomBytes(32) })).toThrow(DecryptionError);
    const tampered = Buffer.from(wrapped);
    tampered[20] ^= 0x80;
    expect(() => unwrapDocumentKey(tampered, { documentId, masterKey })).toThrow(DecryptionError);
  });

  it("refuses to wrap a key of the wrong size or for no document", () => {
    expect(() => wrapDocumentKey(randomBytes(16), { documentId, masterKey })).toThrow(/32 bytes/);
    expect(() => wrapDocumentKey(generateDocumentKey(), { documentId: "", masterKey })).toThrow(/document id/);
  });

  it("re-wraps the same data key under a new master key (rotation)", () => {
    const newKey = randomBytes(32);
    const dataKey = generateDocumentKey();
    const wrapped = wrapDocumentKey(dataKey, { documentId, masterKey });
    const rewrapped = rewrapDocumentKey(wrapped, { oldKey: masterKey, newKey, documentId });
    expect(rewrapped.equals(wrapped)).toBe(false);
    expect(unwrapDocumentKey(rewrapped, { documentId, masterKey: newKey }).equals(dataKey)).toBe(true);
    expect(() => unwrapDocumentKey(rewrapped, { documentId, masterKey })).toThrow(DecryptionError);
  });

  it("refuses to re-wrap with the wrong old key or document id, rather than wrap garbage", () => {
    const wrapped = wrapDocumentKey(generateDocumentKey(), { documentId, masterKey });
    const newKey = randomBytes(32);
    expect(() => rewrapDocumentKey(wrapped, { oldKey: randomBytes(32), newKey, documentId })).toThrow(DecryptionError);
    expect(() => rewrapDocumentKey(wrapped, { oldKey: masterKey, newKey, documentId: "0b9d6c1e-5c0f-4a43-9d3c-6f1a2b3c4d5f" })).toThrow(
      DecryptionError,
    );
  });
});
