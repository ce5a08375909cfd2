import { crc32 } from "node:zlib";
import { pngChunk, tinyPng as png } from "@/lib/vault/files/build-png";
import { describe, expect, it } from "vitest";
import { buildTestPdf } from "@/lib/server/vault/pdf/build-test-pdf";
import { FILE_HEAD_BYTES, inspectFileHead, type FileHeadVerdict } from "./inspect-file-head";

// ---- Real files, built byte by byte -------------------------------------------------------------

/** The head of a JFIF JPEG (SOI, APP0), optionally with a comment segment, and some entropy-like bytes. */
function jpeg(comment?: string): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const parts = [Buffer.from([0xff, 0xd8]), app0];
  if (comment) {
    const text = Buffer.from(comment, "latin1");
    const length = Buffer.alloc(2);
    length.writeUInt16BE(text.length + 2);
    parts.push(Buffer.from([0xff, 0xfe]), length, text);
  }
  parts.push(Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]), Buffer.alloc(64, 0x10));
  return Buffer.concat(parts);
}

/** A little-endian TIFF header; its first directory at `ifdOffset` (8: right after the header). */
function tiff(ifdOffset = 8): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0]);
  header.writeUInt32LE(ifdOffset, 4);
  const ifd = Buffer.alloc(2 + 12 * 2 + 4);
  ifd.writeUInt16LE(2, 0);
  // ImageWidth = 1, ImageLength = 1 (SHORT)
  ifd.writeUInt16LE(256, 2);
  ifd.writeUInt16LE(3, 4);
  ifd.writeUInt32LE(1, 6);
  ifd.writeUInt16LE(1, 10);
  ifd.writeUInt16LE(257, 14);
  ifd.writeUInt16LE(3, 16);
  ifd.writeUInt32LE(1, 18);
  ifd.writeUInt16LE(1, 22);
  return ifdOffset === 8 ? Buffer.concat([header, ifd]) : Buffer.concat([header, Buffer.alloc(FILE_HEAD_BYTES, 0x7f)]);
}

/** A ZIP with one stored entry (local header, data, central directory, end record). */
function zip(): Buffer {
  const name = Buffer.from("note.txt");
  const data = Buffer.from("bonjour");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A DOS/PE executable head: "MZ", the PE offset at 0x3C, then "PE\0\0". */
function exe(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
}

const pdf = buildTestPdf([["Ordonnance"]]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>');
const svgWithProlog = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg.toString()}`);
const html = Buffer.from("<!DOCTYPE html><html><body><script>fetch('/api/documents')</script></body></html>");
const frenchText = Buffer.from("Rendez-vous chez le Dr Lefèvre le 12 mars à 9 h 30.\nApporter la carte Vitale. ✓\n");

async function verdict(bytes: Uint8Array, fileName: string, isWholeFile = true): Promise<FileHeadVerdict> {
  return inspectFileHead({ head: bytes.subarray(0, FILE_HEAD_BYTES), fileName, isWholeFile });
}

function refusal(result: FileHeadVerdict) {
  return result.accepted ? `accepted as ${result.mimeType}` : result.reason;
}

// ---- The cases ----------------------------------------------------------------------------------

describe("inspectFileHead", () => {
  it("accepts each supported type when bytes and extension agree, with its canonical type", async () => {
    expect(await verdict(pdf, "ordonnance.pdf")).toMatchObject({ accepted: true, mimeType: "application/pdf", extension: "pdf" });
    expect(await verdict(png(), "radio.PNG")).toMatchObject({ accepted: true, mimeType: "image/png", extension: "png" });
    expect(await verdict(jpeg(), "photo.jpeg")).toMatchObject({ accepted: true, mimeType: "image/jpeg", extension: "jpg" });
    expect(await verdict(jpeg(), "photo.jpg")).toMatchObject({ accepted: true, mimeType: "image/jpeg", extension: "jpg" });
    expect(await verdict(tiff(), "scan.tiff")).toMatchObject({ accepted: true, mimeType: "image/tiff", extension: "tif" });
    expect(await verdict(frenchText, "note.txt")).toMatchObject({ accepted: true, mimeType: "text/plain", extension: "txt" });
  });

  it("recognises a TIFF whose first directory lies beyond the head", async () => {
    const far = tiff(1_000_000);
    expect(far.length).toBeGreaterThan(FILE_HEAD_BYTES);
    expect(await verdict(far, "scan.tif", false)).toMatchObject({ accepted: true, mimeType: "image/tiff" });
  });

  it("takes a binary type from its bytes when the name has no extension, and refuses text without one", async () => {
    expect(await verdict(pdf, "../../etc/passwd")).toMatchObject({ accepted: true, mimeType: "application/pdf", extension: "pdf" });
    expect(refusal(await verdict(frenchText, "note"))).toBe("UNKNOWN_TYPE");
  });

  it("refuses an empty file", async () => {
    expect(await verdict(new Uint8Array(0), "vide.pdf")).toEqual({ accepted: false, reason: "EMPTY", detectedMimeType: null });
    expect(refusal(await verdict(new Uint8Array(0), "vide.txt"))).toBe("EMPTY");
  });

  it("refuses SVG, HTML, ZIP and executables as unsupported types, whatever their name", async () => {
    expect(await verdict(svg, "image.png")).toEqual({ accepted: false, reason: "UNSUPPORTED_TYPE", detectedMimeType: "image/svg+xml" });
    expect(await verdict(svgWithProlog, "image.png")).toEqual({
      accepted: false,
      reason: "UNSUPPORTED_TYPE",
      detectedMimeType: "application/xml",
    });
    expect(refusal(await verdict(svg, "image.svg"))).toBe("UNSUPPORTED_TYPE");
    expect(await verdict(html, "page.pdf")).toEqual({ accepted: false, reason: "UNSUPPORTED_TYPE", detectedMimeType: "text/html" });
    expect(await verdict(zip(), "archive.zip")).toEqual({
      accepted: false,
      reason: "UNSUPPORTED_TYPE",
      detectedMimeType: "application/zip",
    });
    expect(refusal(await verdict(zip(), "resultats.pdf"))).toBe("UNSUPPORTED_TYPE");
    expect(refusal(await verdict(zip(), "resultats.txt"))).toBe("UNSUPPORTED_TYPE");
    expect(await verdict(exe(), "facture.pdf")).toEqual({
      accepted: false,
      reason: "UNSUPPORTED_TYPE",
      detectedMimeType: "application/x-msdownload",
    });
    expect(refusal(await verdict(exe(), "setup.exe"))).toBe("UNSUPPORTED_TYPE");
  });

  it("refuses an accepted type under another type's extension", async () => {
    expect(await verdict(pdf, "photo.jpg")).toEqual({ accepted: false, reason: "TYPE_MISMATCH", detectedMimeType: "application/pdf" });
    expect(refusal(await verdict(png(), "compte-rendu.pdf"))).toBe("TYPE_MISMATCH");
    expect(refusal(await verdict(pdf, "note.txt"))).toBe("TYPE_MISMATCH");
    expect(refusal(await verdict(jpeg(), "page.html"))).toBe("TYPE_MISMATCH");
    // The bidi override shows "aexe.png", but the name ends in .exe.
    expect(refusal(await verdict(png(), "a\u202Egnp.exe"))).toBe("TYPE_MISMATCH");
    expect(refusal(await verdict(pdf, "scan.pdf\u0000.exe"))).toBe("TYPE_MISMATCH");
  });

  it("refuses a name of an accepted type whose bytes are of no known type", async () => {
    expect(refusal(await verdict(Buffer.from("just some words"), "scan.pdf"))).toBe("TYPE_MISMATCH");
    expect(refusal(await verdict(Buffer.from("a,b\n1,2\n"), "tableau.csv"))).toBe("UNKNOWN_TYPE");
  });

  it("refuses polyglots: a PNG that is also a PDF, under either name", async () => {
    // PNG magic first, a complete PDF inside a tEXt chunk: image viewers see a PNG, PDF readers (which
    // look for %PDF- in the first 1024 bytes) see a PDF. The bytes start as PNG, so named .pdf the
    // extension disagrees; named .png the PDF header inside gives it away.
    const polyglot = png([pngChunk("tEXt", Buffer.concat([Buffer.from("Comment\0"), pdf]))]);
    expect(polyglot.indexOf("%PDF-")).toBeLessThan(1024);
    expect(await verdict(polyglot, "ordonnance.pdf")).toEqual({ accepted: false, reason: "TYPE_MISMATCH", detectedMimeType: "image/png" });
    expect(await verdict(polyglot, "ordonnance.png")).toEqual({ accepted: false, reason: "TYPE_MISMATCH", detectedMimeType: "image/png" });
    expect(await verdict(png([pngChunk("tEXt", Buffer.from("Comment\0a harmless comment"))]), "radio.png")).toMatchObject({
      accepted: true,
    });
  });

  it("refuses images carrying HTML or SVG a sniffing browser could run", async () => {
    expect(refusal(await verdict(jpeg("<html><script>alert(1)</script></html>"), "photo.jpg"))).toBe("TYPE_MISMATCH");
    expect(refusal(await verdict(png([pngChunk("tEXt", Buffer.from("x\0<SVG onload=alert(1)>"))]), "radio.png"))).toBe("TYPE_MISMATCH");
    expect(await verdict(jpeg("Scanner XYZ 2.1"), "photo.jpg")).toMatchObject({ accepted: true });
  });

  describe("plain text", () => {
    it("refuses HTML and SVG markup renamed .txt, at the start or further in", async () => {
      expect(refusal(await verdict(html, "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(svg, "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(svgWithProlog, "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(Buffer.from("Notes du jour\n\n<Script src=//evil.example></script>"), "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(Buffer.from("Voir plus loin.\n%PDF-1.7\n1 0 obj"), "note.txt"))).toBe("NOT_TEXT");
    });

    it("refuses NUL and other binary bytes, and invalid UTF-8", async () => {
      expect(refusal(await verdict(Buffer.from("bonjour\u0000docteur"), "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(Buffer.from("bonjour\u0007"), "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(Buffer.from("Lef\xE8vre", "latin1"), "note.txt"))).toBe("NOT_TEXT");
      expect(refusal(await verdict(Buffer.from("Bonjour", "utf16le"), "utf16.txt"))).toBe("NOT_TEXT");
      // With its byte-order mark, UTF-16 starts like an MPEG audio frame to file-type: refused as well.
      expect(await verdict(Buffer.from("\ufeffBonjour", "utf16le"), "utf16.txt")).toMatchObject({ accepted: false });
    });

    it("accepts a character cut by the end of the head, but not by the end of the file", async () => {
      const long = Buffer.from(`a${"é".repeat(FILE_HEAD_BYTES)}`);
      expect(long.subarray(0, FILE_HEAD_BYTES).at(-1)).toBe(0xc3); // the head ends inside "é"
      expect(await verdict(long, "long.txt", false)).toMatchObject({ accepted: true, mimeType: "text/plain" });
      expect(refusal(await verdict(Buffer.from([0x61, 0xc3]), "short.txt", true))).toBe("NOT_TEXT");
    });

    it("takes clean text for text even when it starts like a format signature", async () => {
      expect(await verdict(Buffer.from("BMI : 23,4\nPoids : 70 kg\n"), "mesures.txt")).toMatchObject({
        accepted: true,
        mimeType: "text/plain",
      });
      expect(await verdict(Buffer.from("MZ Dupont, infirmière\n"), "contacts.txt")).toMatchObject({
        accepted: true,
        mimeType: "text/plain",
      });
      // Under a binary name the same bytes are what file-type says: an unsupported bitmap.
      expect(refusal(await verdict(Buffer.from("BMI : 23,4\nPoids : 70 kg\n"), "mesures.png"))).toBe("UNSUPPORTED_TYPE");
    });
  });
});
