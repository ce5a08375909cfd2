import "server-only";

/**
 * For tests: a small but valid PDF written by hand (catalogue, page tree, Helvetica with WinAnsi, one
 * content stream per page, exact cross-reference offsets). Each page is a list of lines of text;
 * accented letters are written as WinAnsi bytes, as a real producer would.
 *
 * `extraCatalogEntries` lets a test add, for example, an `/OpenAction` running JavaScript;
 * `extraTrailerEntries`, an `/Encrypt` dictionary.
 */
export function buildTestPdf(
  pages: string[][],
  { extraCatalogEntries = "", extraTrailerEntries = "" }: { extraCatalogEntries?: string; extraTrailerEntries?: string } = {},
): Buffer {
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(" ");
  objects.push(`<< /Type /Catalog /Pages 2 0 R ${extraCatalogEntries}>>`);
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  pages.forEach((lines, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    const content = `BT /F1 11 Tf 14 TL 56 780 Td ${lines.map((line) => `(${pdfString(line)}) Tj T*`).join(" ")} ET`;
    objects.push(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
  });

  // The binary comment on line 2 tells tools the file is binary, as real producers do.
  let out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${extraTrailerEntries}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A PDF literal string in WinAnsi (Latin-1 covers the French letters), with its specials escaped. */
function pdfString(text: string): string {
  for (const char of text) {
    if (char.codePointAt(0)! > 0xff) throw new Error(`not representable in WinAnsi: ${char}`);
  }
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}
