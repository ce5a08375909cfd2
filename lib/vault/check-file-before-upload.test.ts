import { describe, expect, it } from "vitest";
import { buildTestPdf } from "@/lib/server/vault/pdf/build-test-pdf";
import { checkFileBeforeUpload } from "./check-file-before-upload";
import { buildGreyPng } from "./files/build-png";

const MB = 1024 * 1024;
const check = (parts: BlobPart[], name: string, maxFileBytes = 20 * MB) => checkFileBeforeUpload(new File(parts, name), { maxFileBytes });
const png = new Uint8Array(buildGreyPng({ width: 8, height: 8, pixel: () => 90 }));
const pdf = new Uint8Array(buildTestPdf([["ORDONNANCE", "Paris, le 12 mars 2026"]]));

describe("the browser's check before an upload", () => {
  it("refuses what the upload route refuses, for the same reason", async () => {
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    expect(await check([exe], "installer.exe")).toBe("UNSUPPORTED_TYPE");
    expect(await check([exe], "ordonnance.pdf")).toBe("UNSUPPORTED_TYPE");
    expect(await check([pdf], "scan.jpg")).toBe("TYPE_MISMATCH");
    expect(await check(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "radio.png")).toMatch(
      /^(UNSUPPORTED_TYPE|TYPE_MISMATCH)$/,
    );
    expect(await check([], "vide.pdf")).toBe("EMPTY");
    expect(await check(["Tension\u0000\u0001 12/8"], "notes.txt")).toBe("NOT_TEXT");
  });

  it("refuses a file over the limit from its size, without reading it", async () => {
    const huge = {
      name: "scanner.pdf",
      size: 21 * MB,
      slice: () => {
        throw new Error("read");
      },
    } as unknown as File;
    expect(await checkFileBeforeUpload(huge, { maxFileBytes: 20 * MB })).toBe("TOO_LARGE");
  });

  it("lets through what the route takes", async () => {
    expect(await check([png], "radio-genou.png")).toBeNull();
    expect(await check([pdf], "ordonnance")).toBeNull();
    expect(await check(["Tension 12/8 le matin, 13/8 le soir."], "notes.txt")).toBeNull();
  });
});
