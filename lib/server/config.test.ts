import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const tmp = () => mkdtempSync(join(tmpdir(), "config-"));
const production = {
  APP_ENV: "production",
  APP_URL: "https://sante.example.fr",
  DATABASE_URL: "postgresql://app:secret@db.internal:5432/sante",
  AUTH_SECRET: "x".repeat(40),
  MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
  HISTORY_KEY: Buffer.alloc(32, 9).toString("base64"),
  SMTP_URL: "smtps://mailer:secret@smtp.example.fr:465",
};

describe("configuration", () => {
  it("has working development defaults and generates secrets once per data folder", () => {
    const dir = tmp();
    const first = parseConfig({ DATA_DIR: dir });
    expect(first).toMatchObject({
      appEnv: "development",
      port: 3000,
      appUrl: "http://localhost:3000",
      seedDemoData: true,
      databaseUrl: undefined,
      smtpUrl: undefined,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
    });
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.masterKey).toHaveLength(32);
    expect(existsSync(join(dir, "secrets.json"))).toBe(true);
    expect(statSync(join(dir, "secrets.json")).mode & 0o077).toBe(0);
    const second = parseConfig({ DATA_DIR: dir });
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
  });

  it("keys the history under HISTORY_KEY, retired keys after it, and adds one to an older data folder's secrets", () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "secrets.json"),
      JSON.stringify({ AUTH_SECRET: "a".repeat(43), MASTER_KEY: Buffer.alloc(32, 1).toString("base64") }),
      { mode: 0o600 },
    );
    const config = parseConfig({ DATA_DIR: dir });
    // What the folder held is untouched (sessions and encrypted data survive); the history key is added once.
    expect(config.authSecret).toBe("a".repeat(43));
    expect(config.masterKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(config.historyKeys).toHaveLength(1);
    expect(config.historyKeys[0]).toHaveLength(32);
    expect(parseConfig({ DATA_DIR: dir }).historyKeys[0]!.equals(config.historyKeys[0]!)).toBe(true);
    expect(statSync(join(dir, "secrets.json")).mode & 0o077).toBe(0);

    const retired = Buffer.alloc(32, 3).toString("base64");
    expect(
      parseConfig({ ...production, DATA_DIR: tmp(), HISTORY_OLD_KEYS: `${retired}, ${retired}` }).historyKeys.map((key) => key[0]),
    ).toEqual([9, 3, 3]);
    expect(() => parseConfig({ ...production, DATA_DIR: tmp(), HISTORY_OLD_KEYS: "c2hvcnQ=" })).toThrow(/HISTORY_OLD_KEYS/);
  });

  it("stops with a sentence naming a wrong variable", () => {
    expect(() => parseConfig({ PORT: "http", DATA_DIR: tmp() })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "http", DATA_DIR: tmp() })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x", DATA_DIR: tmp() })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ MASTER_KEY: "c2hvcnQ=", AUTH_SECRET: "y".repeat(32), DATA_DIR: tmp() })).toThrow(
      /MASTER_KEY must be 32 bytes/,
    );
  });

  it("refuses to start in production without real secrets, a database or https", () => {
    const dir = tmp();
    for (const missing of ["DATABASE_URL", "AUTH_SECRET", "MASTER_KEY", "HISTORY_KEY", "SMTP_URL"] as const) {
      const env: Record<string, string> = { ...production, DATA_DIR: dir };
      delete env[missing];
      expect(() => parseConfig(env)).toThrow(new RegExp(`${missing} is required when APP_ENV=production`));
    }
    expect(() => parseConfig({ ...production, APP_URL: "http://sante.example.fr", DATA_DIR: dir })).toThrow(/APP_URL must be an https/);
    // Nothing was generated for production.
    expect(existsSync(join(dir, "secrets.json"))).toBe(false);
  });

  it("accepts a complete production configuration and does not seed demo data by default", () => {
    const config = parseConfig({ ...production, DATA_DIR: tmp() });
    expect(config).toMatchObject({ isProduction: true, seedDemoData: false });
    expect(config.masterKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it("limits each app's FHIR calls per minute, 300 per connection and 6,000 per client unless told otherwise", () => {
    const dir = tmp();
    expect(parseConfig({ DATA_DIR: dir }).fhirCallsPerMinute).toEqual({ perConnection: 300, perClient: 6_000 });
    expect(
      parseConfig({ DATA_DIR: dir, FHIR_CALLS_PER_MINUTE_PER_CONNECTION: "60", FHIR_CALLS_PER_MINUTE_PER_CLIENT: "1200" })
        .fhirCallsPerMinute,
    ).toEqual({ perConnection: 60, perClient: 1_200 });
    expect(() => parseConfig({ DATA_DIR: dir, FHIR_CALLS_PER_MINUTE_PER_CONNECTION: "0" })).toThrow(/FHIR_CALLS_PER_MINUTE_PER_CONNECTION/);
  });

  it("treats an empty variable as unset", () => {
    const dir = tmp();
    expect(parseConfig({ DATABASE_URL: "", DATA_DIR: dir }).databaseUrl).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"))).toHaveProperty("AUTH_SECRET");
  });

  it("keeps vault files in the data folder by default and needs a bucket for S3", () => {
    const dir = tmp();
    expect(parseConfig({ DATA_DIR: dir }).storage).toEqual({ driver: "local", root: join(dir, "vault") });
    expect(parseConfig({ DATA_DIR: dir })).toMatchObject({ vaultMaxFileBytes: 20 * 1024 * 1024, vaultQuotaBytes: 500 * 1024 * 1024 });
    expect(parseConfig({ DATA_DIR: dir, VAULT_MAX_FILE_MB: "200" }).vaultMaxFileBytes).toBe(200 * 1024 * 1024);
    expect(() => parseConfig({ DATA_DIR: dir, STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET is required when STORAGE_DRIVER=s3/);
    expect(() => parseConfig({ DATA_DIR: dir, STORAGE_DRIVER: "s3", S3_BUCKET: "vault", S3_ACCESS_KEY_ID: "id" })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be given together/,
    );
    expect(
      parseConfig({ DATA_DIR: dir, STORAGE_DRIVER: "s3", S3_BUCKET: "vault", S3_ENDPOINT: "https://s3.example.fr" }).storage,
    ).toMatchObject({
      driver: "s3",
      bucket: "vault",
      forcePathStyle: true,
      tempRoot: join(dir, "vault-tmp"),
    });
  });
});
