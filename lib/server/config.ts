import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import type { StorageOptions } from "@/lib/server/storage/create-storage";

/**
 * The app's configuration, read from the environment once and validated with zod. Every variable is
 * documented in the README's configuration table; keep the two together.
 *
 * Secrets have development defaults generated on first run and kept in the git-ignored data folder;
 * with APP_ENV=production they must be given, and the server refuses to start without them.
 */
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const base64Key = z.string().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded in base64");

const schema = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    MASTER_KEY: base64Key.optional(),
    HISTORY_KEY: base64Key.optional(),
    HISTORY_OLD_KEYS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(base64Key).max(20))
      .optional(),
    SEED_DEMO_DATA: bool.optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default("Espace numérique de santé <no-reply@espace-sante.localhost>"),
    VAULT_MAX_FILE_MB: z.coerce.number().int().min(1).max(2048).default(20),
    VAULT_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(500),
    FHIR_CALLS_PER_MINUTE_PER_CONNECTION: z.coerce.number().int().min(1).max(1_000_000).default(300),
    FHIR_CALLS_PER_MINUTE_PER_CLIENT: z.coerce.number().int().min(1).max(10_000_000).default(6_000),
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    S3_BUCKET: z.string().min(3).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_FORCE_PATH_STYLE: bool.optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    JOBS_IN_PROCESS: bool.default(true),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE_DRIVER=s3" });
    }
    if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({ code: "custom", path: ["S3_ACCESS_KEY_ID"], message: "and S3_SECRET_ACCESS_KEY must be given together" });
    }
    if (env.APP_ENV !== "production") return;
    for (const key of ["DATABASE_URL", "AUTH_SECRET", "MASTER_KEY", "HISTORY_KEY", "SMTP_URL"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when APP_ENV=production" });
    }
    if (!env.APP_URL.startsWith("https://")) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "must be an https:// URL when APP_ENV=production" });
    }
  });

export type AppConfig = {
  appEnv: "development" | "test" | "production";
  isProduction: boolean;
  appUrl: string;
  port: number;
  dataDir: string;
  /** Absent when the embedded database is to be started by the launcher. */
  databaseUrl: string | undefined;
  /**
   * The tables' owner, for the migrations only (npm start's first step, npm run db:migrate); the app
   * itself connects as DATABASE_URL, a role that owns nothing. Absent: migrations use DATABASE_URL.
   */
  databaseMigrationUrl: string | undefined;
  dbPoolSize: number;
  authSecret: string;
  masterKey: Buffer;
  /**
   * The secret the history's chain and checkpoints are keyed under (lib/server/crypto/history-keys.ts),
   * first the current one, then retired ones that only verify older entries.
   */
  historyKeys: Buffer[];
  seedDemoData: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Absent: mail and SMS stay in the outbox table (development), shown by a development-only page. */
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Where the vault's encrypted files live. */
  storage: StorageOptions;
  /** Largest file a person may upload, in bytes. */
  vaultMaxFileBytes: number;
  /** What one patient's documents may take in all, in bytes. */
  vaultQuotaBytes: number;
  /** FHIR calls allowed per minute, per connection (one patient through one app) and per app client. */
  fhirCallsPerMinute: { perConnection: number; perClient: number };
  /**
   * Whether the web server also runs the background jobs (the quick start, a single instance). False on
   * web instances of a deployment that runs `npm run worker` beside them.
   */
  jobsInProcess: boolean;
  /** Jobs one worker runs at the same time. */
  jobsConcurrency: number;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; throws a ConfigError whose message names each wrong variable. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  // An empty variable counts as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      return `${name} ${issue.code === "invalid_type" || issue.code === "invalid_value" ? `is invalid (${issue.message})` : issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}. See the configuration table in README.md.`);
  }
  const e = result.data;
  const dataDir = isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR);
  const secrets = e.AUTH_SECRET && e.MASTER_KEY && e.HISTORY_KEY ? null : developmentSecrets(dataDir);
  return {
    appEnv: e.APP_ENV,
    isProduction: e.APP_ENV === "production",
    appUrl: e.APP_URL.replace(/\/$/, ""),
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    authSecret: e.AUTH_SECRET ?? secrets!.AUTH_SECRET,
    masterKey: Buffer.from(e.MASTER_KEY ?? secrets!.MASTER_KEY, "base64"),
    historyKeys: [e.HISTORY_KEY ?? secrets!.HISTORY_KEY, ...(e.HISTORY_OLD_KEYS ?? [])].map((key) => Buffer.from(key, "base64")),
    seedDemoData: e.SEED_DEMO_DATA ?? e.APP_ENV !== "production",
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    vaultMaxFileBytes: e.VAULT_MAX_FILE_MB * 1024 * 1024,
    vaultQuotaBytes: e.VAULT_QUOTA_MB * 1024 * 1024,
    fhirCallsPerMinute: { perConnection: e.FHIR_CALLS_PER_MINUTE_PER_CONNECTION, perClient: e.FHIR_CALLS_PER_MINUTE_PER_CLIENT },
    jobsInProcess: e.JOBS_IN_PROCESS,
    jobsConcurrency: e.JOBS_CONCURRENCY,
    storage:
      e.STORAGE_DRIVER === "s3"
        ? {
            driver: "s3",
            bucket: e.S3_BUCKET!,
            region: e.S3_REGION,
            endpoint: e.S3_ENDPOINT,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            tempRoot: join(dataDir, "vault-tmp"),
          }
        : { driver: "local", root: join(dataDir, "vault") },
  };
}

type DevSecrets = { AUTH_SECRET: string; MASTER_KEY: string; HISTORY_KEY: string };

/**
 * Generated once per data folder, so sessions, encrypted data and the history's keyed chain survive a
 * restart. A folder made before a secret existed gets that secret added (HISTORY_KEY came later).
 */
function developmentSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, "secrets.json");
  const generate = (): DevSecrets => ({
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    MASTER_KEY: randomBytes(32).toString("base64"),
    HISTORY_KEY: randomBytes(32).toString("base64"),
  });
  if (existsSync(file)) {
    const found = JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>;
    if (found.AUTH_SECRET && found.MASTER_KEY && found.HISTORY_KEY) return found as DevSecrets;
    // Complete the file without touching what it holds: a changed AUTH_SECRET or MASTER_KEY would sign
    // everybody out or lose the encrypted data. Written aside, then renamed over it (never half a file).
    const completed = { ...generate(), ...found };
    const aside = `${file}.${process.pid}`;
    writeFileSync(aside, JSON.stringify(completed, null, 2), { mode: 0o600 });
    renameSync(aside, file);
    // Another process completing it at the same moment wins or loses as a whole: use what is there.
    return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = generate();
  // `wx`: if another process won the race, keep its secrets rather than ours.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { flag: "wx", mode: 0o600 });
  } catch {
    return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  }
  chmodSync(file, 0o600);
  return secrets;
}

let cached: AppConfig | undefined;

/** The process's configuration, validated on first use (at start, from instrumentation.ts). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
