-- AlterTable
ALTER TABLE "SupportTicket" ADD COLUMN     "subjectKey" VARCHAR(60),
ADD COLUMN     "subjectValues" JSONB;


-- Tickets the app opened before this column: their subject was French (or English) text. Name them by
-- key, from what they are linked to, so they too read in each reader's language.
UPDATE "SupportTicket" t
SET "subjectKey" = 'documentReport', "subjectValues" = jsonb_build_object('reason', r."reason"::text)
FROM "DocumentReport" r
WHERE t."documentReportId" = r."id";

UPDATE "SupportTicket" t
SET "subjectKey" = 'identityConflict', "subjectValues" = '{}'::jsonb
WHERE EXISTS (SELECT 1 FROM "IdentityConflict" c WHERE c."holderTicketId" = t."id" OR c."claimantTicketId" = t."id");
