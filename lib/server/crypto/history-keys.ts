import "server-only";
import { createHash, hkdfSync } from "node:crypto";
import { getConfig } from "@/lib/server/config";

/**
 * The keys that make the patients' history tamper-evident against the database itself: each entry's
 * hash is an HMAC under the chain key, and the periodic checkpoints of every chain's head are signed
 * under the checkpoint key. Neither is in the database, so whoever can write the tables (even their
 * owner, triggers disabled) cannot recompute a valid hash for an entry they rewrote.
 *
 * Both derive (HKDF-SHA256, one label each, as the recovery and one-time code keys derive from
 * AUTH_SECRET) from HISTORY_KEY, a secret of its own rather than AUTH_SECRET or MASTER_KEY: rotating
 * AUTH_SECRET is routine (it signs everybody out) and MASTER_KEY has its own procedure; neither must
 * make every chain look broken. HISTORY_KEY may still be rotated: each entry and each checkpoint
 * names the key it was made under (`id`, a fingerprint that reveals nothing of the key), the new key
 * signs from then on, and the retired ones (HISTORY_OLD_KEYS) keep verifying what they signed.
 */
export type HistoryKey = { id: string; chainKey: Buffer; checkpointKey: Buffer };

export type HistoryKeyring = {
  /** The key new entries and checkpoints are made under. */
  current: HistoryKey;
  /** Every known key by id, the current one included. */
  byId: ReadonlyMap<string, HistoryKey>;
};

export function deriveHistoryKey(secret: Buffer): HistoryKey {
  const derive = (label: string) => Buffer.from(hkdfSync("sha256", secret, "", label, 32));
  const chainKey = derive("history-chain");
  return {
    // 16 hex digits: enough to tell a handful of keys apart, from a label of its own so it is no MAC.
    id: createHash("sha256").update(derive("history-key-id")).digest("hex").slice(0, 16),
    chainKey,
    checkpointKey: derive("history-checkpoint"),
  };
}

/** A keyring from secrets, the current one first (tests give their own; the app uses the configuration). */
export function historyKeyring(secrets: Buffer[]): HistoryKeyring {
  if (secrets.length === 0) throw new Error("A history keyring needs at least one key.");
  const keys = secrets.map(deriveHistoryKey);
  return { current: keys[0]!, byId: new Map(keys.map((key) => [key.id, key])) };
}

let configured: HistoryKeyring | undefined;

/** The process's keyring, from HISTORY_KEY and HISTORY_OLD_KEYS. */
export function getHistoryKeyring(): HistoryKeyring {
  configured ??= historyKeyring(getConfig().historyKeys);
  return configured;
}
