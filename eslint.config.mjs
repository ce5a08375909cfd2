import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Server code never reaches the client bundle: lib/server is imported only from server code.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/*"], message: "Only lib/server and prisma/ use the Prisma client.", allowTypeImports: true },
          ],
          // next-intl's locale is the formatting one ("en-GB"): comparing it with "en" silently failed.
          paths: [
            {
              name: "next-intl/server",
              importNames: ["getLocale"],
              message: "Use getAppLocale() (the language) or getFormattingLocale() from @/lib/i18n/app-locale.",
            },
            {
              name: "next-intl",
              importNames: ["useLocale"],
              message: 'The locale is regional ("en-GB"): compare its language with appLocaleOf() from @/lib/i18n/locales.',
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The UI layer (issue 14): components/ui is the only shared UI. A feature folder (components/<x>)
    // imports ui, lib and the server actions it submits to, never another feature's folder; ui imports
    // no feature. A piece two features need moves to ui (or lib); app/ pages compose features freely,
    // and so do the site's shell (components/layout) and its providers.
    files: ["components/**", "app/**", "lib/**"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "boundaries/elements": [
        { type: "ui", pattern: "components/ui", partialMatch: false },
        { type: "shell", pattern: "components/(layout|providers)", partialMatch: false },
        { type: "feature", pattern: "components/*", partialMatch: false, capture: ["feature"] },
        { type: "app", pattern: "app", partialMatch: false },
        { type: "lib", pattern: "lib", partialMatch: false },
      ],
      "boundaries/files": [{ category: "action", pattern: "app/**/actions.ts" }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          policies: [
            {
              from: { element: { type: "feature" } },
              disallow: { to: { element: { types: { anyOf: ["feature", "shell", "app"] } } } },
            },
            // A form imports the server action it submits to.
            { from: { element: { type: "feature" } }, allow: { to: { file: { categories: "action" } } } },
            // Within its own folder a feature imports what it likes.
            {
              from: { element: { type: "feature" } },
              allow: { to: { element: { type: "feature", captured: { feature: "{{ from.element.captured.feature }}" } } } },
            },
            {
              from: { element: { type: "ui" } },
              disallow: { to: { element: { types: { anyOf: ["feature", "shell", "app"] } } } },
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/i18n/app-locale.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/*"], message: "Only lib/server and prisma/ use the Prisma client.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/server/**", "prisma/**", "scripts/**", "lib/testing/**"],
    rules: { "no-restricted-imports": "off" },
  },
  // Layout is Prettier's (npm run format; lint checks it): ESLint's stylistic rules stand down.
  prettier,
  { ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
