import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSourceModule, projectRoot as root, resolveProjectImport } from "@/lib/testing/source-imports";

/**
 * What each route sends to the browser, read from the sources the way the bundler does: from a page or
 * layout through its server imports to the "use client" boundaries, then everything those import
 * (type-only imports cost nothing and are skipped). Guards the weight of the pages (issue 15): the root
 * layout ships no translation runtime and no auth client, and pages that only read keep zod (the API's
 * schemas, ~15 KB compressed) on the server.
 */
type Parsed = { imports: { target: string; package: boolean }[]; client: boolean; server: boolean; givesMessages: boolean };
const parsed = new Map<string, Parsed>();

function parse(path: string): Parsed {
  let entry = parsed.get(path);
  if (!entry) {
    const source = readFileSync(path, "utf8");
    const { imports, directives } = parseSourceModule(path, source);
    entry = {
      imports: imports
        .filter((item) => !item.typeOnly)
        .map(({ specifier }) => {
          const file = resolveProjectImport(path, specifier);
          return file ? { target: file, package: false } : { target: specifier, package: true };
        })
        // Only project files and packages: a relative import that resolves to nothing is the bundler's to report.
        .filter((item) => !item.package || !item.target.startsWith(".")),
      client: directives.includes("use client"),
      server: directives.includes("use server"),
      givesMessages: /<ClientMessages\b/.test(source),
    };
    parsed.set(path, entry);
  }
  return entry;
}

/** For one route file: the packages its client modules import (with who imports them), and whether it gives messages. */
function walkRoute(entry: string) {
  const clientPackages = new Map<string, string>();
  let givesMessages = false;
  const seen = new Set<string>();
  const walk = (path: string, onClient: boolean) => {
    const source = parse(path);
    const client = onClient || source.client;
    if (seen.has(`${client}:${path}`)) return;
    seen.add(`${client}:${path}`);
    if (!client && source.givesMessages) givesMessages = true;
    // A "use server" module reaches the browser as a reference to call, none of its imports.
    if (client && source.server) return;
    for (const { target, package: isPackage } of source.imports) {
      if (isPackage) {
        if (client && !clientPackages.has(target)) clientPackages.set(target, relative(root, path));
      } else walk(target, client);
    }
  };
  walk(entry, false);
  return { clientPackages, givesMessages };
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : routeFiles(path);
    return /^(page|layout|template|error|not-found|loading)\.tsx$/.test(entry.name) ? [path] : [];
  });
}

/** A translation provider around the route file: in its own server imports or in a layout above it. */
function hasMessagesAround(entry: string): boolean {
  if (walkRoute(entry).givesMessages) return true;
  for (let dir = dirname(entry); dir.startsWith(join(root, "app")); dir = dirname(dir)) {
    const layout = join(dir, "layout.tsx");
    if (layout !== entry && existsSync(layout) && walkRoute(layout).givesMessages) return true;
  }
  return false;
}

const clientPackagesOf = (file: string) => walkRoute(join(root, file)).clientPackages;
const entries = routeFiles(join(root, "app"));

describe("the script each route sends to the browser", () => {
  it("reads the client graph through to the packages", () => {
    // The sign-in form is a client component that translates: the walk must see next-intl there.
    expect(clientPackagesOf("app/(public)/connexion/page.tsx").has("next-intl")).toBe(true);
  });

  it("gives the root layout and the landing page neither a translation runtime nor an auth client", () => {
    for (const file of ["app/layout.tsx", "app/error.tsx", "app/(public)/page.tsx", "components/layout/app-shell.tsx"]) {
      const packages = clientPackagesOf(file);
      expect(packages.get("next-intl"), `${file}: next-intl`).toBeUndefined();
      expect(packages.get("next-auth/react"), `${file}: next-auth/react`).toBeUndefined();
    }
  });

  it("keeps zod out of the vault's and the history's pages", () => {
    const pages = entries
      .map((entry) => relative(root, entry))
      .filter((file) => file.startsWith("app/(space)/documents/") || file.startsWith("app/(space)/historique/"));
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) expect(clientPackagesOf(file).get("zod"), file).toBeUndefined();
  });

  it("sends react-query only where a list is refetched: not to the staff pages, nor to the landing page", () => {
    const pages = entries.map((entry) => relative(root, entry)).filter((file) => file.startsWith("app/admin/"));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of [...pages, "app/(public)/page.tsx", "app/(public)/catalogue/page.tsx"])
      expect(clientPackagesOf(file).get("@tanstack/react-query"), file).toBeUndefined();
    expect(clientPackagesOf("app/(space)/documents/page.tsx").has("@tanstack/react-query")).toBe(true);
  });

  // With no provider in the root layout, a client component using next-intl (even only useFormatter)
  // needs a <ClientMessages> above it, or it throws instead of rendering.
  it.each(entries.map((entry) => [relative(root, entry)]))("%s has a translation provider above its next-intl users", (file) => {
    const users = clientPackagesOf(file).get("next-intl");
    if (users) expect(hasMessagesAround(join(root, file)), `used by ${users}`).toBe(true);
  });
});
