// @ts-check
import createNextIntlPlugin from "next-intl/plugin";
import { baselineHeaders, contentSecurityPolicy } from "./lib/security-headers.js";

const production = process.env.APP_ENV === "production";
const staticHeaders = Object.entries({
  ...baselineHeaders({ production }),
  "Content-Security-Policy": contentSecurityPolicy({ production }),
}).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` and CI type-check once with `tsc --noEmit` (the typecheck step); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // The generated Prisma client and pino are server-only Node code; keep them out of the bundler.
  serverExternalPackages: ["pino", "@node-rs/argon2", "@electric-sql/pglite", "graphile-worker"],
  async headers() {
    // The proxy (proxy.ts) sets headers, with a per-request CSP nonce, on everything else. These are
    // the paths it skips: static assets, and upload streams (a proxy truncates request bodies).
    return [
      { source: "/_next/static/:path*", headers: staticHeaders },
      { source: "/_next/image", headers: staticHeaders },
      { source: "/favicon.ico", headers: staticHeaders },
      { source: "/robots.txt", headers: staticHeaders },
      { source: "/api/uploads/:path*", headers: [...staticHeaders, { key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
