import { describe, expect, it } from "vitest";
import { cleanDisplayName } from "./display-name";

describe("cleanDisplayName", () => {
  it("keeps an ordinary French name as it is, in NFC", () => {
    expect(cleanDisplayName("Compte rendu IRM genou (2024).pdf")).toBe("Compte rendu IRM genou (2024).pdf");
    // "é" written as e + combining acute becomes the single precomposed character.
    const decomposed = "Re\u0301sultats.pdf";
    expect(cleanDisplayName(decomposed)).toBe("R\u00e9sultats.pdf");
    expect(cleanDisplayName(decomposed)).toHaveLength(13);
  });

  it("turns a path into a plain name: no separator, no leading dot", () => {
    expect(cleanDisplayName("../../etc/passwd")).toBe("etc passwd");
    expect(cleanDisplayName("..\\..\\Windows\\win.ini")).toBe("Windows win.ini");
    expect(cleanDisplayName(".htaccess")).toBe("htaccess");
    expect(cleanDisplayName("C:\\Users\\marie\\ordonnance.pdf")).toBe("C: Users marie ordonnance.pdf");
  });

  it("removes bidi overrides and isolates so the real extension shows", () => {
    expect(cleanDisplayName("a\u202Egnp.exe")).toBe("agnp.exe");
    expect(cleanDisplayName("\u2067facture\u2069\u200F\u200E\u061C\u202A\u202B\u202C\u202D\u2066\u2068.pdf")).toBe("facture.pdf");
    expect(cleanDisplayName("zero\u200Bwidth\uFEFF.txt")).toBe("zerowidth.txt");
  });

  it("turns CR, LF, TAB, NUL and other controls into single spaces", () => {
    expect(cleanDisplayName("x\r\nContent-Type: text/html")).toBe("x Content-Type: text html");
    expect(cleanDisplayName("scan.pdf\u0000.exe")).toBe("scan.pdf .exe");
    expect(cleanDisplayName("a\u0085b\u009Bc\u007Fd\u2028e\te")).toBe("a b c d e e");
    expect(cleanDisplayName("  lots   of\u00A0\u3000space  ")).toBe("lots of space");
  });

  it("never returns an empty name", () => {
    expect(cleanDisplayName("")).toBe("document");
    expect(cleanDisplayName("....")).toBe("document");
    expect(cleanDisplayName(". . ..")).toBe("document");
    expect(cleanDisplayName("/")).toBe("document");
    expect(cleanDisplayName("\u202E\u0000\r\n")).toBe("document");
    expect(cleanDisplayName("", { fallback: "Sans titre" })).toBe("Sans titre");
  });

  it("cuts long names at 200 characters and keeps the extension", () => {
    const long = `${"a".repeat(1000)}.pdf`;
    const cleaned = cleanDisplayName(long);
    expect(cleaned).toHaveLength(200);
    expect(cleaned.endsWith("a.pdf")).toBe(true);
    expect(cleanDisplayName("b".repeat(1000))).toBe("b".repeat(200));
    expect(cleanDisplayName(`${"c".repeat(199)}.pdf`)).toBe(`${"c".repeat(196)}.pdf`);
    expect(cleanDisplayName(`${"c".repeat(196)}.pdf`)).toBe(`${"c".repeat(196)}.pdf`);
  });

  it("counts code points and never splits an emoji or an accented letter", () => {
    const emoji = "👩‍⚕️"; // 4 code points, one grapheme
    const cleaned = cleanDisplayName(`${"x".repeat(194)}${emoji}${emoji}.pdf`);
    expect(cleaned).toBe(`${"x".repeat(194)}.pdf`);
    expect([...cleanDisplayName("é".repeat(300))]).toHaveLength(200);
  });

  it("replaces broken surrogates instead of failing later in encodeURIComponent", () => {
    const name = cleanDisplayName("a\uD800b.pdf");
    expect(name).toBe("ab.pdf");
    expect(cleanDisplayName("\uDC00x\uD83D\uDE00\uD83D")).toBe("x\uD83D\uDE00");
    expect(() => encodeURIComponent(name)).not.toThrow();
  });
});
