import { describe, expect, it } from "vitest";
import { differingSuggestion, titleFromFileName, type UploadItem } from "./upload-item";

const item = (patch: Partial<UploadItem>): UploadItem => ({
  key: "k",
  file: new File(["x"], "scan.pdf"),
  title: "scan",
  category: "OTHER",
  documentDate: "2026-11-23",
  note: "",
  status: "done",
  progress: 1,
  ...patch,
});

describe("titleFromFileName", () => {
  it("drops only the last extension and keeps a name that is all extension", () => {
    expect(titleFromFileName("Ordonnance du 12 mars.pdf")).toBe("Ordonnance du 12 mars");
    expect(titleFromFileName("scan.2026.03.png")).toBe("scan.2026.03");
    expect(titleFromFileName(".pdf")).toBe(".pdf");
    expect(titleFromFileName("x".repeat(300) + ".txt")).toHaveLength(200);
  });
});

describe("differingSuggestion", () => {
  it("offers only what differs from the patient's choice, and a category only when the server is confident", () => {
    const result = (suggestion: NonNullable<UploadItem["result"]>["suggestion"]) => ({ id: "d", suggestion });
    expect(
      differingSuggestion(item({ result: result({ category: "PRESCRIPTION", confidence: 0.9, documentDate: "2026-03-12" }) })),
    ).toEqual({
      category: "PRESCRIPTION",
      documentDate: "2026-03-12",
    });
    expect(
      differingSuggestion(
        item({ category: "PRESCRIPTION", result: result({ category: "PRESCRIPTION", confidence: 0.9, documentDate: "2026-11-23" }) }),
      ),
    ).toBeNull();
    expect(differingSuggestion(item({ result: result({ category: "REPORT", confidence: 0.2, documentDate: null }) }))).toBeNull();
    expect(differingSuggestion(item({ result: result(null) }))).toBeNull();
  });
});
