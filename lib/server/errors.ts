import "server-only";
import type { UncheckedTranslator } from "@/lib/i18n/unchecked-translator";
import { z } from "zod";

/**
 * The one error type. Services throw it with a stable code; routes and actions map the code to an
 * HTTP status and a translated message (`errors.<code>` in the message catalogues). The message given
 * here is for logs and must never contain health data.
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A sensitive change needs the person to prove who they are again (password and second factor). */
  REAUTHENTICATION_REQUIRED: 403,
  NOT_FOUND: 404,
  /** The client sends a request body too slowly to be worth waiting for (an upload under the floor rate). */
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type AppErrorOptions = {
  cause?: unknown;
  /** A more precise message for people than `errors.<code>`: a key of the message catalogues. */
  messageKey?: string;
  /** Values for that message's placeholders. */
  messageValues?: Record<string, string | number>;
  /** The form field the error is about, so the form can show it there. */
  field?: string;
};

export class AppError extends Error {
  override name = "AppError";
  readonly messageKey?: string;
  readonly messageValues?: Record<string, string | number>;
  readonly field?: string;
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.messageKey = options.messageKey;
    this.messageValues = options.messageValues;
    this.field = options.field;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** The body every API error returns: a code a client can branch on and a message for people. */
export type ApiErrorBody = { code: ErrorCode; message: string };

/**
 * The AppError an error stands for, or null when it is a fault of ours: a zod failure that escaped a
 * service's own parse is the caller's input (BAD_REQUEST naming the field), not a server fault.
 */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (!(error instanceof z.ZodError)) return null;
  const field = error.issues[0]?.path.join(".") || undefined;
  return new AppError("BAD_REQUEST", `Invalid input${field ? ` (${field})` : ""}.`, { field, cause: error });
}

/** An error as a person reads it, the same for server actions and JSON routes. */
export type RenderedError = { code: ErrorCode; message: string; field?: string; status: number };

/**
 * Any error as `{ code, message, field }` in the reader's language: the error's own message key when
 * the catalogues have it, else `errors.<code>`; anything that is not an AppError (after asAppError)
 * is INTERNAL and says nothing of itself. The caller logs the unexpected ones.
 */
export function renderAppError(error: unknown, t: UncheckedTranslator): RenderedError {
  const appError = asAppError(error) ?? new AppError("INTERNAL");
  const message =
    appError.messageKey && t.has(appError.messageKey) ? t(appError.messageKey, appError.messageValues) : t(`errors.${appError.code}`);
  return { code: appError.code, message, ...(appError.field ? { field: appError.field } : {}), status: appError.status };
}
