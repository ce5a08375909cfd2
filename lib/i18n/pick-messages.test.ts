import { describe, expect, it } from "vitest";
import { messages } from "./messages";
import { pickMessages } from "./pick-messages";

describe("pickMessages", () => {
  const catalogue = { a: { b: { c: "abc", d: "abd" }, e: "ae" }, f: { g: "fg" }, h: "h" };

  it("keeps only the namespaces asked for, in their nesting", () => {
    expect(pickMessages(catalogue, ["a.b", "h"])).toEqual({ a: { b: { c: "abc", d: "abd" } }, h: "h" });
    expect(pickMessages(catalogue, ["a.b.c", "a.e"])).toEqual({ a: { b: { c: "abc" }, e: "ae" } });
  });

  it("takes a namespace whole when it is asked for with a part of it, in any order", () => {
    expect(pickMessages(catalogue, ["a.b.c", "a"])).toEqual({ a: catalogue.a });
    expect(pickMessages(catalogue, ["a", "a.b"])).toEqual({ a: catalogue.a });
  });

  it("leaves out what the catalogue lacks and never changes the catalogue", () => {
    const before = structuredClone(catalogue);
    expect(pickMessages(catalogue, ["x", "a.x", "h.x"])).toEqual({});
    pickMessages(catalogue, ["a.b.c", "a.b", "f"]);
    expect(catalogue).toEqual(before);
  });

  it("gives a page a small part of the catalogue", () => {
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(pickMessages(messages.fr, ["documents.upload", "space.categories"]))).toBeLessThan(size(messages.fr) / 20);
  });
});
