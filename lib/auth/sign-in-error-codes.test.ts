import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The sign-in forms run in the browser of every visitor of /connexion. When one of them reached zod
 * through a shared module (the error codes once sat beside the second step's zod schema), the page
 * shipped all of zod, about 32 KB compressed, for a list of strings. This follows the forms' imports as
 * the bundler does (project modules, value imports only; a "use server" module is only a reference) and
 * fails on any path to zod.
 */
const root = resolve(import.meta.dirname, "../..");
const SIGN_IN_FORMS = [
  "components/auth/sign-in-form.tsx",
  "components/auth/second-factor-code-form.tsx",
  "components/factors/passkey-sign-in-button.tsx",
  "components/factors/code-sign-in-form.tsx",
];

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? resolve(dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find(
    (path) => existsSync(path) && statSync(path).isFile(),
  );
}

/** The value imports and re-exports of a module (`import type` and `export type` cost nothing at run time). */
function valueImports(source: string): string[] {
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;]*?\s+from\s+)?"([^"]+)"/gm)].map(([, specifier]) => specifier);
}

/** The chain of modules from `entry` to a package named `target`, or null when there is none. */
function pathTo(entry: string, target: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    if (/^["']use server["']/m.test(source) && chain.length > 0) return null;
    for (const specifier of valueImports(source)) {
      if (specifier === target || specifier.startsWith(`${target}/`)) return [...chain, relative(root, file), specifier];
      const next = resolveImport(file, specifier);
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
