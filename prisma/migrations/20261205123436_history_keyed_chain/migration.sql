-- AlterTable
-- The history key an entry's HMAC is made under; NULL marks the entries hashed with plain SHA-256
-- before the chain was keyed (lib/server/history/history-hash.ts). Existing rows keep NULL.
ALTER TABLE "HistoryEntry" ADD COLUMN     "hashKeyId" VARCHAR(16);
