-- CreateEnum
CREATE TYPE "CatalogPriceModel" AS ENUM ('FREE', 'FREEMIUM', 'PAID');

-- CreateEnum
CREATE TYPE "CatalogCriterionOutcome" AS ENUM ('MET', 'NOT_MET', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "CatalogReportReason" AS ENUM ('MISLEADING', 'SECURITY', 'PRIVACY', 'NOT_WORKING', 'OTHER');

-- CreateEnum
CREATE TYPE "OAuthClientType" AS ENUM ('CONFIDENTIAL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "OAuthTokenKind" AS ENUM ('ACCESS', 'REFRESH');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TicketTopic" AS ENUM ('ACCOUNT', 'SIGN_IN', 'DOCUMENT', 'CONNECTED_APP', 'ACCESS', 'OTHER');

-- CreateEnum
CREATE TYPE "StaffAction" AS ENUM ('ACCOUNT_VIEWED', 'ACCOUNT_UNLOCKED', 'EMAIL_CONFIRMATION_RESENT', 'SECOND_FACTOR_RESET', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'ACCOUNT_CLOSED', 'TICKET_ASSIGNED', 'TICKET_REPLIED', 'TICKET_CLOSED', 'TICKET_REOPENED', 'ROLE_GRANTED', 'ROLE_REVOKED', 'CATALOG_APP_CREATED', 'CATALOG_CRITERION_REVIEWED', 'CATALOG_APP_STATUS_CHANGED', 'CATALOG_REPORT_RESOLVED', 'HISTORY_CHAINS_VERIFIED', 'AUDIT_LOG_EXPORTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SecurityEventKind" ADD VALUE 'SECOND_FACTOR_RESET_BY_SUPPORT';
ALTER TYPE "SecurityEventKind" ADD VALUE 'ACCOUNT_CLOSED';
ALTER TYPE "SecurityEventKind" ADD VALUE 'ROLE_GRANTED';
ALTER TYPE "SecurityEventKind" ADD VALUE 'ROLE_REVOKED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CatalogAppStatus" ADD VALUE 'SUBMITTED' BEFORE 'LISTED';
ALTER TYPE "CatalogAppStatus" ADD VALUE 'REFUSED' BEFORE 'SUSPENDED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HistoryAction" ADD VALUE 'APP_CONNECTED';
ALTER TYPE "HistoryAction" ADD VALUE 'APP_CONNECTION_CHANGED';
ALTER TYPE "HistoryAction" ADD VALUE 'APP_DISCONNECTED';
ALTER TYPE "HistoryAction" ADD VALUE 'APP_ACCESS_ENDED';
ALTER TYPE "HistoryAction" ADD VALUE 'PROFILE_VIEWED';
ALTER TYPE "HistoryAction" ADD VALUE 'MEASUREMENT_ADDED';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_ACCOUNT_UNLOCKED';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_EMAIL_CONFIRMATION_RESENT';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_SECOND_FACTOR_RESET';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_ACCOUNT_DISABLED';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_ACCOUNT_ENABLED';
ALTER TYPE "HistoryAction" ADD VALUE 'SUPPORT_ACCOUNT_CLOSED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'APP_SUSPENDED';
ALTER TYPE "NotificationKind" ADD VALUE 'TICKET_REPLY';

-- AlterTable
ALTER TABLE "CatalogApp" ADD COLUMN     "androidUrl" VARCHAR(500),
ADD COLUMN     "connectedDevice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "contactEmail" VARCHAR(254),
ADD COLUMN     "descriptionEn" VARCHAR(4000) NOT NULL DEFAULT '',
ADD COLUMN     "descriptionFr" VARCHAR(4000) NOT NULL DEFAULT '',
ADD COLUMN     "documentCategories" "DocumentCategory"[],
ADD COLUMN     "iosUrl" VARCHAR(500),
ADD COLUMN     "logoPath" VARCHAR(200),
ADD COLUMN     "priceModel" "CatalogPriceModel" NOT NULL DEFAULT 'FREE',
ADD COLUMN     "regions" TEXT[],
ADD COLUMN     "requestedScopes" TEXT[],
ADD COLUMN     "scopePurposes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "screenshots" TEXT[],
ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "statusReason" VARCHAR(1000),
ADD COLUMN     "submittedById" UUID,
ADD COLUMN     "termsUrl" VARCHAR(500);

-- AlterTable
ALTER TABLE "HistoryEntry" ADD COLUMN     "actorAppId" UUID;

-- CreateTable
CREATE TABLE "CatalogCriterionReview" (
    "appId" UUID NOT NULL,
    "criterion" VARCHAR(40) NOT NULL,
    "outcome" "CatalogCriterionOutcome" NOT NULL,
    "note" VARCHAR(1000),
    "reviewerId" UUID,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CatalogCriterionReview_pkey" PRIMARY KEY ("appId","criterion")
);

-- CreateTable
CREATE TABLE "CatalogDecision" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "status" "CatalogAppStatus" NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "actorId" UUID,
    "actorLabel" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogReport" (
    "id" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "reporterId" UUID,
    "reason" "CatalogReportReason" NOT NULL,
    "message" VARCHAR(1000),
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthClient" (
    "id" UUID NOT NULL,
    "clientId" VARCHAR(80) NOT NULL,
    "appId" UUID NOT NULL,
    "type" "OAuthClientType" NOT NULL,
    "secretHash" CHAR(64),
    "redirectUris" TEXT[],
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppConnection" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "scopes" TEXT[],
    "categories" "DocumentCategory"[],
    "connectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AppConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthAuthorizationRequest" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "patientId" UUID,
    "redirectUri" VARCHAR(500) NOT NULL,
    "state" VARCHAR(500),
    "codeChallenge" VARCHAR(128) NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthAuthorizationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthAuthorizationCode" (
    "codeHash" CHAR(64) NOT NULL,
    "clientId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "redirectUri" VARCHAR(500) NOT NULL,
    "codeChallenge" VARCHAR(128) NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthAuthorizationCode_pkey" PRIMARY KEY ("codeHash")
);

-- CreateTable
CREATE TABLE "OAuthToken" (
    "id" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "kind" "OAuthTokenKind" NOT NULL,
    "clientId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "scopes" TEXT[],
    "familyId" UUID NOT NULL,
    "codeHash" CHAR(64),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "rotatedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "display" VARCHAR(200) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" VARCHAR(40) NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "sourceAppId" UUID,
    "sourceLabel" VARCHAR(200) NOT NULL,
    "resource" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportTicket" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "requesterId" UUID NOT NULL,
    "topic" "TicketTopic" NOT NULL,
    "subject" VARCHAR(150) NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" UUID,
    "documentId" UUID,
    "documentReportId" UUID,
    "lastMessageAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupportTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportMessage" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "authorId" UUID,
    "authorRole" "Role" NOT NULL,
    "authorLabel" VARCHAR(200) NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffAuditEntry" (
    "id" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "actorRole" "Role" NOT NULL,
    "actorLabel" VARCHAR(200) NOT NULL,
    "action" "StaffAction" NOT NULL,
    "targetUserId" UUID,
    "targetLabel" VARCHAR(200),
    "targetAppId" UUID,
    "ticketId" UUID,
    "reason" VARCHAR(1000),
    "details" JSONB,
    "ipAddress" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogDecision_appId_createdAt_idx" ON "CatalogDecision"("appId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CatalogReport_resolvedAt_createdAt_idx" ON "CatalogReport"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "CatalogReport_appId_idx" ON "CatalogReport"("appId");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthClient_clientId_key" ON "OAuthClient"("clientId");

-- CreateIndex
CREATE INDEX "OAuthClient_appId_idx" ON "OAuthClient"("appId");

-- CreateIndex
CREATE INDEX "AppConnection_appId_revokedAt_idx" ON "AppConnection"("appId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppConnection_patientId_appId_key" ON "AppConnection"("patientId", "appId");

-- CreateIndex
CREATE INDEX "OAuthAuthorizationRequest_expiresAt_idx" ON "OAuthAuthorizationRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "OAuthAuthorizationCode_expiresAt_idx" ON "OAuthAuthorizationCode"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthToken_tokenHash_key" ON "OAuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OAuthToken_connectionId_idx" ON "OAuthToken"("connectionId");

-- CreateIndex
CREATE INDEX "OAuthToken_familyId_idx" ON "OAuthToken"("familyId");

-- CreateIndex
CREATE INDEX "OAuthToken_codeHash_idx" ON "OAuthToken"("codeHash");

-- CreateIndex
CREATE INDEX "OAuthToken_expiresAt_idx" ON "OAuthToken"("expiresAt");

-- CreateIndex
CREATE INDEX "Measurement_patientId_effectiveAt_idx" ON "Measurement"("patientId", "effectiveAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "SupportTicket_number_key" ON "SupportTicket"("number");

-- CreateIndex
CREATE UNIQUE INDEX "SupportTicket_documentReportId_key" ON "SupportTicket"("documentReportId");

-- CreateIndex
CREATE INDEX "SupportTicket_status_lastMessageAt_idx" ON "SupportTicket"("status", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "SupportTicket_requesterId_lastMessageAt_idx" ON "SupportTicket"("requesterId", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "SupportTicket_assigneeId_status_idx" ON "SupportTicket"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "SupportMessage_ticketId_createdAt_idx" ON "SupportMessage"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "StaffAuditEntry_createdAt_id_idx" ON "StaffAuditEntry"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StaffAuditEntry_actorId_createdAt_idx" ON "StaffAuditEntry"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "StaffAuditEntry_targetUserId_createdAt_idx" ON "StaffAuditEntry"("targetUserId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "StaffAuditEntry_action_createdAt_idx" ON "StaffAuditEntry"("action", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "CatalogCriterionReview" ADD CONSTRAINT "CatalogCriterionReview_appId_fkey" FOREIGN KEY ("appId") REFERENCES "CatalogApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogDecision" ADD CONSTRAINT "CatalogDecision_appId_fkey" FOREIGN KEY ("appId") REFERENCES "CatalogApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogReport" ADD CONSTRAINT "CatalogReport_appId_fkey" FOREIGN KEY ("appId") REFERENCES "CatalogApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogReport" ADD CONSTRAINT "CatalogReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthClient" ADD CONSTRAINT "OAuthClient_appId_fkey" FOREIGN KEY ("appId") REFERENCES "CatalogApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppConnection" ADD CONSTRAINT "AppConnection_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppConnection" ADD CONSTRAINT "AppConnection_appId_fkey" FOREIGN KEY ("appId") REFERENCES "CatalogApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthAuthorizationRequest" ADD CONSTRAINT "OAuthAuthorizationRequest_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "OAuthClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthAuthorizationCode" ADD CONSTRAINT "OAuthAuthorizationCode_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "OAuthClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthAuthorizationCode" ADD CONSTRAINT "OAuthAuthorizationCode_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "AppConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthToken" ADD CONSTRAINT "OAuthToken_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "OAuthClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthToken" ADD CONSTRAINT "OAuthToken_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "AppConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_sourceAppId_fkey" FOREIGN KEY ("sourceAppId") REFERENCES "CatalogApp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_documentReportId_fkey" FOREIGN KEY ("documentReportId") REFERENCES "DocumentReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMessage" ADD CONSTRAINT "SupportMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "SupportTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMessage" ADD CONSTRAINT "SupportMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The staff audit log is append-only, like the patients' history.
CREATE FUNCTION "refuse_staff_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'StaffAuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "StaffAuditEntry_append_only"
    BEFORE UPDATE OR DELETE ON "StaffAuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "refuse_staff_audit_change"();

CREATE TRIGGER "StaffAuditEntry_no_truncate"
    BEFORE TRUNCATE ON "StaffAuditEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_staff_audit_change"();
