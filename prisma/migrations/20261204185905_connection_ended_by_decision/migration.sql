-- AlterTable
ALTER TABLE "AppConnection" ADD COLUMN     "endedByDecisionId" UUID;

-- CreateIndex
CREATE INDEX "AppConnection_endedByDecisionId_idx" ON "AppConnection"("endedByDecisionId");

-- AddForeignKey
ALTER TABLE "AppConnection" ADD CONSTRAINT "AppConnection_endedByDecisionId_fkey" FOREIGN KEY ("endedByDecisionId") REFERENCES "CatalogDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

