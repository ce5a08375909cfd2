import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

/** What a browser would read back from the header: the RFC 8187 `filename*`, else `filename`. */
function fileNameOf(header: string): { ascii: string; utf8: string } {
  const ascii = /filename="([^"]*)"/.exec(header)?.[1];
  const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1];
  if (ascii === undefined || encoded === undefined) throw new Error(`unparsable: ${header}`);
  return { ascii, utf8: decodeURIComponent(encoded) };
}

describe("contentDisposition", () => {
  it("gives both forms for a French name", () => {
    const header = contentDisposition("Résultats d'analyses — œdème.pdf", "attachment");
    expect(header).toBe(
      "attachment; filename=\"Resultats d'analyses _ oedeme.pdf\"; filename*=UTF-8''R%C3%A9sultats%20d%27analyses%20%E2%80%94%20%C5%93d%C3%A8me.pdf",
    );
    expect(fileNameOf(header).utf8).toBe("Résultats d'analyses — œdème.pdf");
  });

  it("supports inline", () => {
    expect(contentDisposition("scan.png", "inline")).toBe("inline; filename=\"scan.png\"; filename*=UTF-8''scan.png");
  });

  it("cannot be used to add a header or break out of the quoted string", () => {
    const header = contentDisposition('x"\r\nContent-Type: text/html\\"; filename="evil.html', "attachment");
    expect(header).not.toMatch(/[\r\n]/);
    expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
    const { ascii, utf8 } = fileNameOf(header);
    expect(ascii).toBe("x Content-Type: text html ; filename=evil.html");
    expect(utf8).toBe('x" Content-Type: text html "; filename="evil.html');
    // Exactly two parameters: the quotes inside the name did not open a third one.
    expect(header.match(/filename/g)).toHaveLength(4);
    expect(header.startsWith('attachment; filename="x Content-Type')).toBe(true);
  });

  it("only ASCII, no percent sign, and encodes what RFC 8187 does not allow bare", () => {
    const header = contentDisposition("病历 100% (copie)*'.pdf", "attachment");
    expect(header).toMatch(/^[\x20-\x7E]+$/);
    const { ascii, utf8 } = fileNameOf(header);
    expect(ascii).toBe("__ 100_ (copie)*'.pdf");
    expect(utf8).toBe("病历 100% (copie)*'.pdf");
    expect(header).toContain("filename*=UTF-8''%E7%97%85%E5%8E%86%20100%25%20%28copie%29%2A%27.pdf");
  });

  it("drops bidi overrides and falls back to 'document' for names of dots", () => {
    expect(fileNameOf(contentDisposition("a\u202Egnp.exe", "attachment")).utf8).toBe("agnp.exe");
    expect(contentDisposition("...", "attachment")).toBe("attachment; filename=\"document\"; filename*=UTF-8''document");
    expect(fileNameOf(contentDisposition("\u202E", "attachment")).ascii).toBe("document");
  });
});
