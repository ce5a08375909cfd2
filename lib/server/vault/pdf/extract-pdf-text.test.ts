import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTestPdf } from "./build-test-pdf";
import { extractPdfText } from "./extract-pdf-text";

const prescription = buildTestPdf([
  ["Ordonnance", "Dr Marie Lefèvre, médecin généraliste", "Amoxicilline 1 g, 2 fois par jour", "Lyon, le 12/03/2025"],
]);

describe("extractPdfText", () => {
  it("reads the text of a hand-written PDF, accents included, one line per line", async () => {
    const result = await extractPdfText(prescription);
    expect(result).toMatchObject({ failure: null, pageCount: 1, pagesRead: 1, truncated: false });
    expect(result.text).toBe("Ordonnance\nDr Marie Lefèvre, médecin généraliste\nAmoxicilline 1 g, 2 fois par jour\nLyon, le 12/03/2025");
  });

  it("leaves the caller's buffer intact (pdf.js detaches what it is given)", async () => {
    // Its own ArrayBuffer (a small Buffer shares Node's pool, which is never transferable).
    const copy = new Uint8Array(prescription);
    expect((await extractPdfText(copy)).failure).toBeNull();
    expect(copy.byteLength).toBe(prescription.byteLength);
    expect(Buffer.from(copy).equals(prescription)).toBe(true);
  });

  it("reads at most 50 pages by default", async () => {
    const pdf = buildTestPdf(Array.from({ length: 60 }, (_, i) => [`Page numero ${i + 1}.`]));
    const result = await extractPdfText(pdf);
    expect(result).toMatchObject({ failure: null, pageCount: 60, pagesRead: 50, truncated: true });
    expect(result.text).toContain("Page numero 50.");
    expect(result.text).not.toContain("Page numero 51.");
  });

  it("stops reading and cuts the text at the character limit", async () => {
    const page = Array.from({ length: 40 }, (_, i) => `Ligne ${i} du compte rendu, assez longue pour remplir.`);
    const result = await extractPdfText(buildTestPdf([page, page, page]), { maxChars: 500 });
    expect(result).toMatchObject({ failure: null, pageCount: 3, pagesRead: 1, truncated: true });
    expect(result.text).toHaveLength(500);
  });

  it("gives an empty text for a PDF without text (a scan)", async () => {
    expect(await extractPdfText(buildTestPdf([[]]))).toMatchObject({ text: "", failure: null, pageCount: 1 });
  });

  it("never throws for what is not a readable PDF", async () => {
    for (const bytes of [
      Buffer.from("%PDF-1.4\nnothing else"),
      Buffer.from("not a pdf at all"),
      new Uint8Array(0),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    ]) {
      expect(await extractPdfText(bytes)).toMatchObject({ text: null, failure: "INVALID_PDF" });
    }
  });

  it("says when a PDF needs a password", async () => {
    const hex = (bytes: number, digit: string) => digit.repeat(bytes * 2);
    const encrypted = buildTestPdf([["Secret"]], {
      extraTrailerEntries: `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${hex(32, "a")}> /U <${hex(32, "b")}> /P -4 >> /ID [<${hex(16, "c")}> <${hex(16, "c")}>] `,
    });
    expect(await extractPdfText(encrypted)).toMatchObject({ text: null, failure: "ENCRYPTED", errorName: "PasswordException" });
  });

  it("stops a long extraction at the time limit, even inside a single page", async () => {
    // One page with 200,000 text operators: about 3–4 s of parsing, all in one getTextContent call.
    const heavy = buildTestPdf([Array.from({ length: 200_000 }, (_, i) => `ligne ${i} lorem ipsum dolor sit amet`)]);
    const started = performance.now();
    const result = await extractPdfText(heavy, { timeoutMs: 700 });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ text: null, failure: "TIMEOUT" });
    expect(elapsed).toBeGreaterThanOrEqual(650);
    expect(elapsed).toBeLessThan(1_500);
    // The next extraction still gets a slot and works.
    expect((await extractPdfText(prescription)).text).toContain("Ordonnance");
  });

  it("gives up a PDF that needs more memory than allowed", async () => {
    const heavy = buildTestPdf([Array.from({ length: 200_000 }, (_, i) => `ligne ${i} lorem ipsum dolor sit amet`)]);
    expect(await extractPdfText(heavy, { memoryMb: 16, timeoutMs: 20_000 })).toMatchObject({ text: null, failure: "TOO_COMPLEX" });
    // The same cap is plenty for an ordinary document: it is the document that was too big.
    expect(await extractPdfText(prescription, { memoryMb: 16 })).toMatchObject({ failure: null });
  });

  it("runs several extractions at once, broken ones included, and every one answers", async () => {
    const inputs = [prescription, Buffer.from("broken"), prescription, Buffer.from("%PDF-1.7 broken"), prescription];
    const results = await Promise.all(inputs.map((pdf) => extractPdfText(pdf)));
    expect(results.map((result) => result.failure)).toEqual([null, "INVALID_PDF", null, "INVALID_PDF", null]);
  });

  it("does not run the document's JavaScript", async () => {
    const marker = join(tmpdir(), `vault-pdf-js-${process.pid}-${Date.now()}`);
    const script = `require('fs').writeFileSync('${marker}', 'ran'); app.alert('ran')`;
    const withScript = buildTestPdf([["Document avec script"]], {
      extraCatalogEntries: `/OpenAction << /S /JavaScript /JS (${script.replace(/[\\()]/g, (c) => `\\${c}`)}) >> /Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (${script.replace(/[\\()]/g, (c) => `\\${c}`)}) >>] >> >> `,
    });
    try {
      const result = await extractPdfText(withScript);
      expect(result.text).toBe("Document avec script");
      expect(existsSync(marker)).toBe(false);
    } finally {
      rmSync(marker, { force: true });
    }
  });
});
