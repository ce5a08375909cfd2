import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("picks the largest unit that keeps the number at or above one, in the reader's language", () => {
    expect(formatBytes(512, "en")).toBe("512 byte");
    expect(formatBytes(2.5 * 1024 * 1024, "en")).toBe("2.5 MB");
    expect(formatBytes(2.5 * 1024 * 1024, "fr").replace(/\s/g, " ")).toBe("2,5 Mo");
    expect(formatBytes(3 * 1024 ** 4 * 1024, "en")).toBe("3,072 TB");
  });
});
