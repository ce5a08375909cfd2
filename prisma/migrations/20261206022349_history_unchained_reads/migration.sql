-- AlterTable
ALTER TABLE "HistoryEntry" ADD COLUMN     "seal" CHAR(64),
ALTER COLUMN "sequence" DROP NOT NULL,
ALTER COLUMN "previousHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "HistoryEntry_sequence_idx" ON "HistoryEntry"("sequence");

-- Reads are appended unchained (sequence, previousHash and hash null, a seal set) and chained shortly
-- after by the history.chain_reads pass. Chaining is the one update the history allows: once, on an
-- unchained row, filling only the chain's columns (and the key the chain hash is under); the content
-- of every row, chained or not, stays as written, and no row may be deleted.
CREATE FUNCTION "refuse_history_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD."sequence" IS NULL
       AND NEW."sequence" IS NOT NULL AND NEW."previousHash" IS NOT NULL AND NEW."hash" IS NOT NULL
       AND (to_jsonb(NEW) - 'sequence' - 'previousHash' - 'hash' - 'hashKeyId')
           = (to_jsonb(OLD) - 'sequence' - 'previousHash' - 'hash' - 'hashKeyId') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'HistoryEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER "HistoryEntry_append_only" ON "HistoryEntry";

CREATE TRIGGER "HistoryEntry_append_only"
    BEFORE UPDATE OR DELETE ON "HistoryEntry"
    FOR EACH ROW EXECUTE FUNCTION "refuse_history_rewrite"();

-- The app may fill the chain's columns (the trigger above allows it once per unchained row), nothing else.
GRANT UPDATE ("sequence", "previousHash", "hash", "hashKeyId") ON "HistoryEntry" TO ens_app;
