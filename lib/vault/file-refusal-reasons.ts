/** Why the vault refuses a file from its first bytes and its name (see inspectFileHead). */
export const fileTypeRefusalReasons = ["EMPTY", "UNSUPPORTED_TYPE", "TYPE_MISMATCH", "NOT_TEXT", "UNKNOWN_TYPE"] as const;
export type FileTypeRefusalReason = (typeof fileTypeRefusalReasons)[number];

/**
 * Every reason an upload is refused for, each with a message under `vault.refusal.<reason>`;
 * TOO_LARGE takes `{maxMegabytes}`.
 */
export const fileRefusalReasons = [...fileTypeRefusalReasons, "TOO_LARGE"] as const;
export type FileRefusalReason = (typeof fileRefusalReasons)[number];
