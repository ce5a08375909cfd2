import "server-only";
import pino from "pino";

/**
 * Structured logs (JSON lines on stdout). Never log health data: document titles, notes, categories,
 * file names, profile fields. Log identifiers and event names instead. The redaction list is a net
 * for mistakes, not a licence to pass such values.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "espace-sante" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "otp",
      "*.otp",
      "recoveryCode",
      "*.recoveryCode",
      "title",
      "*.title",
      "note",
      "*.note",
      "filename",
      "*.filename",
      "req.headers.cookie",
      "req.headers.authorization",
    ],
    censor: "[redacted]",
  },
});

/**
 * An error as logs may name it: its class and, when it has one, its code ("Error[ECONNREFUSED]",
 * "PrismaClientKnownRequestError[P2002]"). Never its message, which may carry an address or data.
 */
export function errorClassOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `${error.name}[${code}]` : error.name;
}
