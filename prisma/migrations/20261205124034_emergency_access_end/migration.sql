-- AlterEnum
ALTER TYPE "HistoryAction" ADD VALUE 'EMERGENCY_ACCESS_ENDED';

-- AlterEnum
ALTER TYPE "ConsentChange" ADD VALUE 'EMERGENCY_ACCESS_ENDED';

-- AlterTable
ALTER TABLE "EmergencyAccess" ADD COLUMN     "endedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "EmergencyAccess_patientId_expiresAt_idx" ON "EmergencyAccess"("patientId", "expiresAt");

-- Blocking now ends the professional's emergency access. Ones opened before a block still in force
-- end at the block, so that lifting it later does not bring them back.
UPDATE "EmergencyAccess" AS e
SET "endedAt" = b."createdAt"
FROM "ProfessionalBlock" AS b
WHERE b."patientId" = e."patientId"
  AND b."professionalId" = e."professionalId"
  AND e."endedAt" IS NULL
  AND e."expiresAt" > b."createdAt";
