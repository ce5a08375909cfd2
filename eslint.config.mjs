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
        { patterns: [{ group: ["@/lib/generated/*"], message: "Only lib/server and prisma/ use the Prisma client.", allowTypeImports: true }] },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/server/**", "prisma/**", "scripts/**", "lib/testing/**"],
    rules: { "no-restricted-imports": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
