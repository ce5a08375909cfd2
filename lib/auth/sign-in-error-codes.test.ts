import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot as root, parseSourceModule, resolveProjectImport } from "@/lib/testing/source-imports";

/**
 * The sign-in forms run in the browser of every visitor of /connexion. When one of them reached zod
 * through a shared module (the error codes once sat beside the second step's zod schema), the page
 * shipped all of zod, about 32 KB compressed, for a list of strings. This follows the forms' imports as
 * the bundler does (project modules, value imports only; a "use server" module is only a reference) and
 * fails on any path to zod.
 */
const SIGN_IN_FORMS = [
  "components/auth/sign-in-form.tsx",
  "components/auth/second-factor-code-form.tsx",
  "components/factors/passkey-sign-in-button.tsx",
  "components/factors/code-sign-in-form.tsx",
];

/** The chain of modules from `entry` to a package named `target`, or null when there is none. */
function pathTo(entry: string, target: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const { imports, directives } = parseSourceModule(file, readFileSync(file, "utf8"));
    if (chain.length > 0 && directives.includes("use server")) return null;
    // Value imports only: `import type` and `export type … from` cost nothing at run time.
    for (const { specifier } of imports.filter((found) => !found.typeOnly)) {
      if (specifier === target || specifier.startsWith(`${target}/`)) return [...chain, relative(root, file), specifier];
      const next = resolveProjectImport(file, specifier);
      const found = next && walk(next, [...chain, relative(root, file)]);
      if (found) return found;
    }
    return null;
  };
  return walk(join(root, entry), []);
}

describe("the sign-in forms' browser code", () => {
  it.each(SIGN_IN_FORMS)("%s does not import zod", (form) => {
    expect(pathTo(form, "zod")).toBeNull();
  });

  it("finds zod where it is imported (the check itself works)", () => {
    expect(pathTo("lib/auth/second-factor-input.ts", "zod")).toEqual(["lib/auth/second-factor-input.ts", "zod"]);
  });
});
