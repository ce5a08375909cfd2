import { describe, expect, it } from "vitest";
import { csvCell, csvRecord } from "./csv";

describe("CSV cells", () => {
  it("quotes every cell and doubles quotes (RFC 4180)", () => {
    expect(csvCell('Compte rendu "IRM", genou')).toBe('"Compte rendu ""IRM"", genou"');
    expect(csvCell("deux\r\nlignes")).toBe('"deux\r\nlignes"');
    expect(csvCell(null)).toBe('""');
    expect(csvRecord(["a", 2, undefined])).toBe('"a","2",""\r\n');
  });

  it("neutralises anything a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell("=cmd|'/c calc'!A0")).toBe(`"'=cmd|'/c calc'!A0"`);
    expect(csvCell("Bilan = normal")).toBe('"Bilan = normal"');
  });
});
