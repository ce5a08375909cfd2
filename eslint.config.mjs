import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Server code never reaches the client bundle: lib/server is imported only from server code.
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@/lib/generated/*"], message: "Only lib/server and prisma/ use the Prisma client.", allowTypeImports: true }],
          // next-intl's locale is the formatting one ("en-GB"): comparing it with "en" silently failed.
          paths: [
            { name: "next-intl/server", importNames: ["getLocale"], message: "Use getAppLocale() (the language) or getFormattingLocale() from @/lib/i18n/app-locale." },
            { name: "next-intl", importNames: ["useLocale"], message: "The locale is regional (\"en-GB\"): compare its language with appLocaleOf() from @/lib/i18n/locales." },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/i18n/app-locale.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/generated/*"], message: "Only lib/server and prisma/ use the Prisma client.", allowTypeImports: true }] }] },
  },
  {
    files: ["lib/server/**", "prisma/**", "scripts/**", "lib/testing/**"],
    rules: { "no-restricted-imports": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
