-- CreateEnum
CREATE TYPE "IdentityQualificationMethod" AS ENUM ('IN_PERSON', 'POSTAL_CODE');

-- CreateEnum
CREATE TYPE "IdentityDocumentType" AS ENUM ('NATIONAL_ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'FAMILY_RECORD_BOOK', 'BIRTH_CERTIFICATE');

-- CreateEnum
CREATE TYPE "IdentityConflictResolution" AS ENUM ('KEPT_HOLDER', 'MOVED_TO_CLAIMANT');

-- AlterEnum
ALTER TYPE "CodePurpose" ADD VALUE 'IDENTITY_ACTIVATION';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SecurityEventKind" ADD VALUE 'IDENTITY_QUALIFIED';
ALTER TYPE "SecurityEventKind" ADD VALUE 'IDENTITY_ACTIVATION_LETTER_REQUESTED';
ALTER TYPE "SecurityEventKind" ADD VALUE 'IDENTITY_QUALIFICATION_CONFLICT';
ALTER TYPE "SecurityEventKind" ADD VALUE 'IDENTITY_QUALIFICATION_WITHDRAWN';

-- AlterEnum
ALTER TYPE "MessageChannel" ADD VALUE 'LETTER';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HistoryAction" ADD VALUE 'IDENTITY_QUALIFIED';
ALTER TYPE "HistoryAction" ADD VALUE 'IDENTITY_ACTIVATION_LETTER_REQUESTED';
ALTER TYPE "HistoryAction" ADD VALUE 'IDENTITY_QUALIFICATION_CONFLICT';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_IDENTITY_CONFLICT_RESOLVED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'IDENTITY_CONFLICT';
ALTER TYPE "NotificationKind" ADD VALUE 'IDENTITY_CONFLICT_RESOLVED';

-- AlterEnum
ALTER TYPE "TicketTopic" ADD VALUE 'IDENTITY' BEFORE 'OTHER';

-- AlterEnum
ALTER TYPE "StaffAction" ADD VALUE 'IDENTITY_CONFLICT_RESOLVED';

-- DropIndex
-- A declared NIR is a claim, not an identity: whoever typed it first must not own it.
DROP INDEX "User_nir_key";

-- AlterTable
-- Hand-edited: a rename, not Prisma's drop-and-add, so that the NIRs people declared are kept (as
-- declared, unqualified). Nobody is qualified by this migration; the seed qualifies the demo patient.
ALTER TABLE "User" RENAME COLUMN "nir" TO "declaredNir";

ALTER TABLE "User" ADD COLUMN     "addressLine1" VARCHAR(200),
ADD COLUMN     "addressLine2" VARCHAR(200),
ADD COLUMN     "city" VARCHAR(100),
ADD COLUMN     "postalCode" VARCHAR(10);

-- CreateTable
CREATE TABLE "IdentityQualification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "nir" CHAR(15) NOT NULL,
    "method" "IdentityQualificationMethod" NOT NULL,
    "documentType" "IdentityDocumentType",
    "professionalId" UUID,
    "qualifiedByLabel" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityQualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityConflict" (
    "id" UUID NOT NULL,
    "nir" CHAR(15) NOT NULL,
    "holderId" UUID NOT NULL,
    "claimantId" UUID NOT NULL,
    "method" "IdentityQualificationMethod" NOT NULL,
    "documentType" "IdentityDocumentType",
    "professionalId" UUID,
    "claimedByLabel" VARCHAR(200) NOT NULL,
    "holderTicketId" UUID,
    "claimantTicketId" UUID,
    "resolution" "IdentityConflictResolution",
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdentityQualification_userId_key" ON "IdentityQualification"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityQualification_nir_key" ON "IdentityQualification"("nir");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityConflict_holderTicketId_key" ON "IdentityConflict"("holderTicketId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityConflict_claimantTicketId_key" ON "IdentityConflict"("claimantTicketId");

-- CreateIndex
CREATE INDEX "IdentityConflict_resolvedAt_createdAt_idx" ON "IdentityConflict"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "IdentityConflict_holderId_idx" ON "IdentityConflict"("holderId");

-- CreateIndex
CREATE INDEX "IdentityConflict_claimantId_idx" ON "IdentityConflict"("claimantId");

-- CreateIndex
CREATE INDEX "User_declaredNir_idx" ON "User"("declaredNir");

-- AddForeignKey
ALTER TABLE "IdentityQualification" ADD CONSTRAINT "IdentityQualification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityQualification" ADD CONSTRAINT "IdentityQualification_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_holderTicketId_fkey" FOREIGN KEY ("holderTicketId") REFERENCES "SupportTicket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityConflict" ADD CONSTRAINT "IdentityConflict_claimantTicketId_fkey" FOREIGN KEY ("claimantTicketId") REFERENCES "SupportTicket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

