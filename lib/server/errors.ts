import "server-only";

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
