import { describe, expect, it } from "vitest";
import { checkUtf8Text, createUtf8TextCheck } from "./check-utf8-text";

describe("checkUtf8Text", () => {
  it("accepts UTF-8 text with tabs, line breaks, form feeds and a byte-order mark", () => {
    expect(checkUtf8Text(Buffer.from("\uFEFFLigne 1\tà\r\nLigne 2 \f ✓ 😀"), { complete: true })).toBeNull();
  });

  it("refuses NUL and other binary control bytes", () => {
    expect(checkUtf8Text(Buffer.from("a\u0000b"), { complete: true })).toBe("BINARY");
    expect(checkUtf8Text(Buffer.from("a\u001Fb"), { complete: true })).toBe("BINARY");
  });

  it("refuses invalid sequences, and a cut character only at the end of the whole file", () => {
    expect(checkUtf8Text(Buffer.from([0x61, 0xe9, 0x62]), { complete: false })).toBe("INVALID_UTF8");
    expect(checkUtf8Text(Buffer.from([0xc0, 0xaf]), { complete: false })).toBe("INVALID_UTF8"); // overlong "/"
    expect(checkUtf8Text(Buffer.from([0xed, 0xa0, 0x80]), { complete: false })).toBe("INVALID_UTF8"); // a surrogate
    expect(checkUtf8Text(Buffer.from([0x61, 0xe2, 0x9c]), { complete: false })).toBeNull();
    expect(checkUtf8Text(Buffer.from([0x61, 0xe2, 0x9c]), { complete: true })).toBe("INVALID_UTF8");
  });
});

describe("createUtf8TextCheck", () => {
  const check = "✓".repeat(3); // e2 9c 93 each

  it("accepts a character split across chunks", () => {
    const bytes = Buffer.from(`ok ${check}`);
    const stream = createUtf8TextCheck();
    for (let i = 0; i < bytes.length; i++) expect(stream.push(bytes.subarray(i, i + 1))).toBeNull();
    expect(stream.end()).toBeNull();
  });

  it("finds an invalid byte or a NUL in a later chunk, and keeps reporting it", () => {
    const invalid = createUtf8TextCheck();
    expect(invalid.push(Buffer.from("valid start "))).toBeNull();
    expect(invalid.push(Buffer.from([0x41, 0xff, 0x42]))).toBe("INVALID_UTF8");
    expect(invalid.push(Buffer.from("more"))).toBe("INVALID_UTF8");
    expect(invalid.end()).toBe("INVALID_UTF8");

    const nul = createUtf8TextCheck();
    expect(nul.push(Buffer.from("valid start "))).toBeNull();
    expect(nul.push(Buffer.from("x\u0000y"))).toBe("BINARY");
    expect(nul.end()).toBe("BINARY");
  });

  it("reports a file that ends inside a character", () => {
    const stream = createUtf8TextCheck();
    expect(stream.push(Buffer.from([0x61, 0xe2, 0x9c]))).toBeNull();
    expect(stream.end()).toBe("INVALID_UTF8");
  });
});
