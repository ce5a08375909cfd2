import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { appRouteFiles, parseSourceModule, projectRoot as root, resolveProjectImport } from "@/lib/testing/source-imports";
import { messages } from "./messages";

/**
 * Each route's client components get only the namespaces a <ClientMessages> gives them (client-
 * messages.tsx). This reads the sources the way the bundler does (imports from each page and layout,
 * "use client" boundaries) and checks, for every route file, that the namespaces its client components
 * translate with are given by the nearest <ClientMessages>: in the route file's own server-side imports,
 * else in the closest layout above it. A component that starts using a new namespace fails here, before
 * a reader sees "namespace.key" (the end-to-end suite also fails on MISSING_MESSAGE in the browser).
 */
type Module = { imports: string[]; client: boolean; needs: string[]; gives: string[] };
const modules = new Map<string, Module>();

/**
 * What a module translates with on the client: for each `const t = useTranslations("ns")` (or
 * useUncheckedTranslations), the keys of
 * its literal calls (t("a"), t.rich("b")), or the whole namespace when `t` is used any other way
 * (a computed key, passed to a helper).
 */
function translatedPaths(source: string): string[] {
  const paths: string[] = [];
  for (const [, name, namespace] of source.matchAll(/const (\w+) = use(?:Unchecked)?Translations\(\s*(?:"([^"]*)")?\s*\)/g)) {
    const uses = [...source.matchAll(new RegExp(`\\b${name}\\b(?!\\s*=)`, "g"))].length;
    const literal = [...source.matchAll(new RegExp(`\\b${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*"([^"$]+)"`, "g"))].map(
      (match) => match[1],
    );
    const prefix = namespace ? `${namespace}.` : "";
    if (literal.length === uses) paths.push(...literal.map((key) => prefix + key));
    else paths.push(namespace ?? "");
  }
  return paths;
}

function moduleAt(path: string): Module {
  let parsed = modules.get(path);
  if (!parsed) {
    const source = readFileSync(path, "utf8");
    const { imports, directives } = parseSourceModule(path, source);
    parsed = {
      imports: imports
        .map(({ specifier }) => resolveProjectImport(path, specifier))
        .filter((resolved): resolved is string => resolved !== undefined && !resolved.includes("/lib/server/")),
      client: directives.includes("use client"),
      needs: translatedPaths(source),
      gives: [...source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((match) =>
        [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]),
      ),
    };
    modules.set(path, parsed);
  }
  return parsed;
}

/** The namespaces the route file's client modules need (with who needs them) and those its server modules give. */
function routeFile(entry: string) {
  const needs = new Map<string, string>();
  const gives: string[] = [];
  const seen = new Set<string>();
  const walk = (path: string, onClient: boolean) => {
    if (seen.has(`${onClient}:${path}`)) return;
    seen.add(`${onClient}:${path}`);
    const parsed = moduleAt(path);
    const client = onClient || parsed.client;
    if (client) for (const need of parsed.needs) needs.set(need, relative(root, path));
    else gives.push(...parsed.gives);
    for (const dependency of parsed.imports) walk(dependency, client);
  };
  walk(entry, false);
  return { needs, gives };
}

/** The namespaces given around a route file: its own, else the nearest layout's above it. */
function givenAround(entry: string): string[] {
  const own = routeFile(entry).gives;
  if (own.length) return own;
  for (let dir = dirname(entry); dir.startsWith(join(root, "app")); dir = dirname(dir)) {
    const layout = join(dir, "layout.tsx");
    if (layout !== entry && existsSync(layout)) {
      const gives = routeFile(layout).gives;
      if (gives.length) return gives;
    }
  }
  return [];
}

const exists = (path: string) =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      messages.fr,
    ) !== undefined;

describe("the messages each route gives its client components", () => {
  const entries = appRouteFiles();

  it("finds the routes and the client components' namespaces", () => {
    expect(entries.length).toBeGreaterThan(40);
    const landing = routeFile(join(root, "app/(public)/connexion/page.tsx"));
    expect([...landing.needs.keys()].some((need) => need.startsWith("auth."))).toBe(true);
  });

  it.each(entries.map((entry) => [relative(root, entry)]))("%s gives every namespace its client components use", (file) => {
    const entry = join(root, file);
    const given = givenAround(entry);
    const missing = [...routeFile(entry).needs]
      .filter(([need]) => !given.some((namespace) => need === namespace || need.startsWith(`${namespace}.`)))
      .map(([need, by]) => `${need} (${by})`);
    expect(missing).toEqual([]);
    for (const namespace of given) expect(exists(namespace), namespace).toBe(true);
  });
});
