import { describe, expect, it } from "vitest";
import { acceptAttribute, acceptedTypeForExtension, acceptedTypeForMimeType, extensionOf } from "./accepted-types";

describe("accepted types", () => {
  it("maps each accepted extension to its canonical type, case-insensitively", () => {
    expect(acceptedTypeForExtension("PDF")?.mimeType).toBe("application/pdf");
    expect(acceptedTypeForExtension("jpeg")?.extensions[0]).toBe("jpg");
    expect(acceptedTypeForExtension("Tif")?.mimeType).toBe("image/tiff");
    expect(acceptedTypeForExtension("tiff")?.kind).toBe("tiff");
    expect(acceptedTypeForExtension("png")?.kind).toBe("png");
    expect(acceptedTypeForExtension("txt")?.contentType).toBe("text/plain; charset=utf-8");
    for (const refused of ["svg", "html", "htm", "exe", "zip", "rtf", "docx", "gif", "webp", "heic", "js", null]) {
      expect(acceptedTypeForExtension(refused), String(refused)).toBeUndefined();
    }
  });

  it("maps MIME types, ignoring parameters", () => {
    expect(acceptedTypeForMimeType("text/plain; charset=utf-8")?.kind).toBe("text");
    expect(acceptedTypeForMimeType("IMAGE/JPEG")?.kind).toBe("jpeg");
    expect(acceptedTypeForMimeType("image/svg+xml")).toBeUndefined();
    expect(acceptedTypeForMimeType("text/html")).toBeUndefined();
  });

  it("reads only the last extension of the last path segment", () => {
    expect(extensionOf("scan.pdf.exe")).toBe("exe");
    expect(extensionOf("scan.exe. . ")).toBe("exe");
    expect(extensionOf("dir.pdf/readme")).toBeNull();
    expect(extensionOf("C:\\x.png\\photo.JPG")).toBe("jpg");
    expect(extensionOf(".pdf")).toBeNull();
    expect(extensionOf("no-extension")).toBeNull();
    expect(extensionOf("trailing.")).toBeNull();
  });

  it("offers the picker every accepted extension and type", () => {
    expect(acceptAttribute).toBe(".pdf,.jpg,.jpeg,.png,.tif,.tiff,.txt,application/pdf,image/jpeg,image/png,image/tiff,text/plain");
  });
});
