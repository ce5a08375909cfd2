-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HistoryAction" ADD VALUE 'APP_REQUEST_WIDENED';
ALTER TYPE "HistoryAction" ADD VALUE 'APP_REQUEST_DECLINED';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'APP_RECONSENT';

-- AlterEnum
ALTER TYPE "StaffAction" ADD VALUE 'CATALOG_APP_DATA_USE_CHANGED';

-- AlterTable
ALTER TABLE "AppConnection" ADD COLUMN     "declinedCategories" "DocumentCategory"[] DEFAULT ARRAY[]::"DocumentCategory"[],
ADD COLUMN     "declinedScopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "reconsentDecisionId" UUID;

-- CreateIndex
CREATE INDEX "AppConnection_reconsentDecisionId_idx" ON "AppConnection"("reconsentDecisionId");


-- Connections made before this migration: what the app asked for then and the patient did not grant
-- counts as declined, so that no existing connection is shown as awaiting consent for a request that
-- has not changed (an optional scope left unticked, categories not chosen, a narrowed connection).
UPDATE "AppConnection" AS c SET
  "declinedScopes" = ARRAY(SELECT unnest(a."requestedScopes") EXCEPT SELECT unnest(c."scopes")),
  "declinedCategories" = ARRAY(SELECT unnest(a."documentCategories") EXCEPT SELECT unnest(c."categories"))
FROM "CatalogApp" AS a
WHERE a."id" = c."appId";
