-- The profile's tables get ens_app's SELECT/INSERT/UPDATE/DELETE from the default privileges set in
-- 20261205124700_app_database_role (every table the migration owner creates); nothing to grant here.

-- CreateEnum
CREATE TYPE "RecordAuthorKind" AS ENUM ('PATIENT', 'PROFESSIONAL', 'APP');

-- CreateEnum
CREATE TYPE "ConditionCategory" AS ENUM ('MEDICAL', 'SURGICAL', 'FAMILY');

-- CreateEnum
CREATE TYPE "ConditionStatus" AS ENUM ('ACTIVE', 'RESOLVED');

-- CreateEnum
CREATE TYPE "AllergyType" AS ENUM ('ALLERGY', 'INTOLERANCE');

-- CreateEnum
CREATE TYPE "AllergySeverity" AS ENUM ('MILD', 'MODERATE', 'SEVERE');

-- CreateEnum
CREATE TYPE "AllergyCriticality" AS ENUM ('LOW', 'HIGH', 'UNABLE_TO_ASSESS');

-- CreateEnum
CREATE TYPE "DirectiveKind" AS ENUM ('ADVANCE_DIRECTIVES', 'ORGAN_DONATION');

-- CreateEnum
CREATE TYPE "OrganDonationPosition" AS ENUM ('CONSENTS', 'REFUSES', 'UNDECIDED');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('TRUSTED_PERSON', 'EMERGENCY_CONTACT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HistoryAction" ADD VALUE 'RECORD_ENTRY_ADDED';
ALTER TYPE "HistoryAction" ADD VALUE 'RECORD_ENTRY_EDITED';
ALTER TYPE "HistoryAction" ADD VALUE 'RECORD_ENTRY_DELETED';
ALTER TYPE "HistoryAction" ADD VALUE 'RECORD_ENTRY_HIDDEN';
ALTER TYPE "HistoryAction" ADD VALUE 'RECORD_ENTRY_UNHIDDEN';

-- CreateTable
CREATE TABLE "RecordCondition" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorKind" "RecordAuthorKind" NOT NULL,
    "authorUserId" UUID,
    "authorAppId" UUID,
    "authorLabel" VARCHAR(200) NOT NULL,
    "source" VARCHAR(200),
    "note" VARCHAR(500),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "category" "ConditionCategory" NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "relative" VARCHAR(100),
    "onsetDate" DATE,
    "status" "ConditionStatus" NOT NULL DEFAULT 'ACTIVE',

    CONSTRAINT "RecordCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordAllergy" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorKind" "RecordAuthorKind" NOT NULL,
    "authorUserId" UUID,
    "authorAppId" UUID,
    "authorLabel" VARCHAR(200) NOT NULL,
    "source" VARCHAR(200),
    "note" VARCHAR(500),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "type" "AllergyType" NOT NULL DEFAULT 'ALLERGY',
    "substance" VARCHAR(200) NOT NULL,
    "reaction" VARCHAR(200),
    "severity" "AllergySeverity",
    "criticality" "AllergyCriticality",

    CONSTRAINT "RecordAllergy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordTreatment" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorKind" "RecordAuthorKind" NOT NULL,
    "authorUserId" UUID,
    "authorAppId" UUID,
    "authorLabel" VARCHAR(200) NOT NULL,
    "source" VARCHAR(200),
    "note" VARCHAR(500),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "medication" VARCHAR(200) NOT NULL,
    "dose" VARCHAR(100),
    "frequency" VARCHAR(100),
    "startDate" DATE,
    "endDate" DATE,
    "prescriber" VARCHAR(200),

    CONSTRAINT "RecordTreatment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordVaccination" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorKind" "RecordAuthorKind" NOT NULL,
    "authorUserId" UUID,
    "authorAppId" UUID,
    "authorLabel" VARCHAR(200) NOT NULL,
    "source" VARCHAR(200),
    "note" VARCHAR(500),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "vaccineCode" VARCHAR(10),
    "vaccineLabel" VARCHAR(200) NOT NULL,
    "date" DATE NOT NULL,
    "doseNumber" SMALLINT,
    "lotNumber" VARCHAR(50),
    "performer" VARCHAR(200),

    CONSTRAINT "RecordVaccination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordDirective" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorKind" "RecordAuthorKind" NOT NULL,
    "authorUserId" UUID,
    "authorAppId" UUID,
    "authorLabel" VARCHAR(200) NOT NULL,
    "source" VARCHAR(200),
    "note" VARCHAR(500),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "kind" "DirectiveKind" NOT NULL,
    "documentId" UUID,
    "directiveDate" DATE,
    "organDonation" "OrganDonationPosition",

    CONSTRAINT "RecordDirective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordContact" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "authorKind" "RecordAuthorKind" NOT NULL,
    "authorUserId" UUID,
    "authorAppId" UUID,
    "authorLabel" VARCHAR(200) NOT NULL,
    "source" VARCHAR(200),
    "note" VARCHAR(500),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "role" "ContactRole" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "relationship" VARCHAR(100),
    "phone" VARCHAR(40),
    "email" VARCHAR(254),

    CONSTRAINT "RecordContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordCondition_patientId_recordedAt_idx" ON "RecordCondition"("patientId", "recordedAt" DESC);

-- CreateIndex
CREATE INDEX "RecordAllergy_patientId_recordedAt_idx" ON "RecordAllergy"("patientId", "recordedAt" DESC);

-- CreateIndex
CREATE INDEX "RecordTreatment_patientId_recordedAt_idx" ON "RecordTreatment"("patientId", "recordedAt" DESC);

-- CreateIndex
CREATE INDEX "RecordVaccination_patientId_date_idx" ON "RecordVaccination"("patientId", "date" DESC);

-- CreateIndex
CREATE INDEX "RecordDirective_patientId_recordedAt_idx" ON "RecordDirective"("patientId", "recordedAt" DESC);

-- CreateIndex
CREATE INDEX "RecordDirective_documentId_idx" ON "RecordDirective"("documentId");

-- CreateIndex
CREATE INDEX "RecordContact_patientId_recordedAt_idx" ON "RecordContact"("patientId", "recordedAt" DESC);

-- AddForeignKey
ALTER TABLE "RecordCondition" ADD CONSTRAINT "RecordCondition_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordAllergy" ADD CONSTRAINT "RecordAllergy_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordTreatment" ADD CONSTRAINT "RecordTreatment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordVaccination" ADD CONSTRAINT "RecordVaccination_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordDirective" ADD CONSTRAINT "RecordDirective_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordDirective" ADD CONSTRAINT "RecordDirective_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordContact" ADD CONSTRAINT "RecordContact_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

