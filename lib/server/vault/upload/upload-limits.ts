import "server-only";

/**
 * A PDF's plaintext is kept in memory while it uploads, to extract its text once it has arrived; past
 * this size it is not kept (the file is stored, without text), so one upload never holds more.
 * The per-file limit and the quota are configuration (getConfig().vaultMaxFileBytes / vaultQuotaBytes).
 */
export const PDF_TEXT_MAX_BYTES = 20 * 1024 * 1024;
