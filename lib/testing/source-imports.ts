import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

/**
 * The project's source graph as the bundler sees it, for tests that guard what a module pulls in (the
 * sign-in forms' bundle, the messages each route gives its client components). TypeScript's own parser
 * lists the imports and its resolver follows the tsconfig (`@/` paths, index files, extensions), so a
 * guard does not depend on how an import is formatted (line breaks, quotes, `import {\n  a,\n}`).
 */

export type SourceImport = {
  specifier: string;
  /** `import type …` / `export type … from`: erased at build time, costs nothing at run time. */
  typeOnly: boolean;
};

export const projectRoot = resolve(import.meta.dirname, "../..");

const compilerOptions = (() => {
  const configPath = resolve(projectRoot, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, projectRoot, undefined, configPath).options;
})();
const resolutionCache = ts.createModuleResolutionCache(projectRoot, (name) => name, compilerOptions);

function scriptKind(fileName: string): ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (fileName.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export type SourceModule = {
  /** Every import, re-export (`export … from`) and dynamic `import("…")`, in source order. */
  imports: SourceImport[];
  /** The directive prologue ("use client", "use server"), as the bundler reads it. */
  directives: string[];
};

export function parseSourceModule(fileName: string, source: string): SourceModule {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const imports: SourceImport[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      imports.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const directives: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    directives.push(statement.expression.text);
  }
  return { imports, directives };
}

/** The project file a specifier names from `fromFile`, or undefined for a package (node_modules) or nothing found. */
export function resolveProjectImport(fromFile: string, specifier: string): string | undefined {
  const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, compilerOptions, ts.sys, resolutionCache);
  if (!resolvedModule || resolvedModule.isExternalLibraryImport) return undefined;
  const file = resolve(resolvedModule.resolvedFileName);
  return file.startsWith(`${projectRoot}/`) && !file.endsWith(".d.ts") ? file : undefined;
}

/** The App Router's route files (pages, layouts, templates, error and loading files) under dir, API routes left out. */
export function appRouteFiles(dir = join(projectRoot, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : appRouteFiles(path);
    return /^(page|layout|template|error|not-found|loading)\.tsx$/.test(entry.name) ? [path] : [];
  });
}
