-- CreateEnum
CREATE TYPE "GrantScope" AS ENUM ('ALL_VISIBLE', 'CATEGORIES', 'DOCUMENTS');

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ConsentChange" AS ENUM ('GRANTED', 'CHANGED', 'REVOKED', 'BLOCKED', 'UNBLOCKED', 'TREATING_DOCTOR_SET', 'TREATING_DOCTOR_REMOVED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('FIRST_PROFESSIONAL_ACCESS', 'EMERGENCY_ACCESS', 'ACCESS_REQUEST');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HistoryAction" ADD VALUE 'DOCUMENT_LIST_VIEWED';
ALTER TYPE "HistoryAction" ADD VALUE 'DOCUMENT_ADDED';
ALTER TYPE "HistoryAction" ADD VALUE 'PATIENT_LOOKED_UP';
ALTER TYPE "HistoryAction" ADD VALUE 'EMERGENCY_ACCESS';
ALTER TYPE "HistoryAction" ADD VALUE 'ACCESS_GRANTED';
ALTER TYPE "HistoryAction" ADD VALUE 'ACCESS_CHANGED';
ALTER TYPE "HistoryAction" ADD VALUE 'ACCESS_REVOKED';
ALTER TYPE "HistoryAction" ADD VALUE 'ACCESS_REQUESTED';
ALTER TYPE "HistoryAction" ADD VALUE 'ACCESS_REQUEST_ACCEPTED';
ALTER TYPE "HistoryAction" ADD VALUE 'ACCESS_REQUEST_REFUSED';
ALTER TYPE "HistoryAction" ADD VALUE 'PROFESSIONAL_BLOCKED';
ALTER TYPE "HistoryAction" ADD VALUE 'PROFESSIONAL_UNBLOCKED';
ALTER TYPE "HistoryAction" ADD VALUE 'TREATING_DOCTOR_SET';
ALTER TYPE "HistoryAction" ADD VALUE 'TREATING_DOCTOR_REMOVED';
ALTER TYPE "HistoryAction" ADD VALUE 'EMERGENCY_SETTING_CHANGED';
ALTER TYPE "HistoryAction" ADD VALUE 'ALERT_SETTINGS_CHANGED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "spaceCode" VARCHAR(12);

-- CreateTable
CREATE TABLE "PatientAccessSettings" (
    "patientId" UUID NOT NULL,
    "treatingDoctorId" UUID,
    "emergencyAccessEnabled" BOOLEAN NOT NULL DEFAULT true,
    "alertFirstAccessByEmail" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PatientAccessSettings_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "AccessGrant" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "scope" "GrantScope" NOT NULL,
    "categories" "DocumentCategory"[],
    "documentIds" UUID[],
    "canAdd" BOOLEAN NOT NULL DEFAULT false,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfessionalBlock" (
    "patientId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfessionalBlock_pkey" PRIMARY KEY ("patientId","professionalId")
);

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "message" VARCHAR(500),
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyAccess" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "professionalId" UUID NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmergencyAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentReceipt" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "professionalId" UUID,
    "change" "ConsentChange" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "historyEntryId" UUID,
    "actorLabel" VARCHAR(200) NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatientAccessSettings_treatingDoctorId_idx" ON "PatientAccessSettings"("treatingDoctorId");

-- CreateIndex
CREATE INDEX "AccessGrant_professionalId_idx" ON "AccessGrant"("professionalId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessGrant_patientId_professionalId_key" ON "AccessGrant"("patientId", "professionalId");

-- CreateIndex
CREATE INDEX "ProfessionalBlock_professionalId_idx" ON "ProfessionalBlock"("professionalId");

-- CreateIndex
CREATE INDEX "AccessRequest_patientId_status_createdAt_idx" ON "AccessRequest"("patientId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AccessRequest_professionalId_patientId_idx" ON "AccessRequest"("professionalId", "patientId");

-- CreateIndex
CREATE INDEX "EmergencyAccess_professionalId_patientId_expiresAt_idx" ON "EmergencyAccess"("professionalId", "patientId", "expiresAt");

-- CreateIndex
CREATE INDEX "ConsentReceipt_patientId_createdAt_idx" ON "ConsentReceipt"("patientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "User_spaceCode_key" ON "User"("spaceCode");

-- CreateIndex
CREATE INDEX "HistoryEntry_patientId_actorId_idx" ON "HistoryEntry"("patientId", "actorId");

-- AddForeignKey
ALTER TABLE "PatientAccessSettings" ADD CONSTRAINT "PatientAccessSettings_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientAccessSettings" ADD CONSTRAINT "PatientAccessSettings_treatingDoctorId_fkey" FOREIGN KEY ("treatingDoctorId") REFERENCES "Professional"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfessionalBlock" ADD CONSTRAINT "ProfessionalBlock_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfessionalBlock" ADD CONSTRAINT "ProfessionalBlock_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentReceipt" ADD CONSTRAINT "ConsentReceipt_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentReceipt" ADD CONSTRAINT "ConsentReceipt_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

