import "server-only";

/**
 * A PDF's plaintext is kept in memory while it uploads, to extract its text once it has arrived; past
 * this size it is not kept (the file is stored, without text), so one upload never holds more.
 * The per-file limit and the quota are configuration (getConfig().vaultMaxFileBytes / vaultQuotaBytes).
 */
export const PDF_TEXT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The slowest upload worth waiting for: at least this many bytes in every window of this length, or
 * the upload is stopped with 408. A client trickling bytes would otherwise hold a connection, a file
 * handle and a temporary file until Node's request timeout (300 s); 10 KiB/s is far below any mobile
 * connection that can send a document at all (a 5 MB scan at this floor still takes under 9 minutes).
 */
export const UPLOAD_MIN_RATE = { bytesPerSecond: 10 * 1024, windowMs: 30_000 } as const;
