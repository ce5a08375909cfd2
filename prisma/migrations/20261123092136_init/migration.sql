-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PATIENT', 'PROFESSIONAL', 'SUPPORT', 'CURATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('fr', 'en');

-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('PRESCRIPTION', 'LAB_RESULTS', 'IMAGING', 'REPORT', 'VACCINATION', 'PREVENTION', 'CERTIFICATE', 'MEDICAL_SUMMARY', 'ADVANCE_DIRECTIVES', 'ADMINISTRATIVE', 'QUESTIONNAIRE', 'OTHER');

-- CreateEnum
CREATE TYPE "AuthorKind" AS ENUM ('PATIENT', 'PROFESSIONAL', 'ESTABLISHMENT', 'INSURER');

-- CreateEnum
CREATE TYPE "CatalogAppStatus" AS ENUM ('LISTED', 'SUSPENDED', 'DELISTED');

-- CreateEnum
CREATE TYPE "CatalogTheme" AS ENUM ('PREVENTION', 'CHRONIC_CONDITIONS', 'CONNECTED_DEVICES', 'APPOINTMENTS', 'PRE_ADMISSION', 'MENTAL_HEALTH', 'CHILDREN', 'PHARMACY');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "passwordHash" TEXT,
    "firstName" VARCHAR(100) NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "birthDate" DATE,
    "nir" CHAR(15),
    "roles" "Role"[] DEFAULT ARRAY['PATIENT']::"Role"[],
    "status" "AccountStatus" NOT NULL DEFAULT 'PENDING_VERIFICATION',
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Professional" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "rpps" CHAR(11) NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "profession" VARCHAR(60) NOT NULL,
    "specialty" VARCHAR(100),
    "city" VARCHAR(100) NOT NULL,
    "emergencyStaff" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Professional_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "category" "DocumentCategory" NOT NULL,
    "documentDate" DATE NOT NULL,
    "note" VARCHAR(2000),
    "authorKind" "AuthorKind" NOT NULL,
    "addedById" UUID,
    "authorLabel" VARCHAR(200),
    "hiddenFromProfessionals" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogApp" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "publisher" VARCHAR(120) NOT NULL,
    "theme" "CatalogTheme" NOT NULL,
    "summaryFr" VARCHAR(300) NOT NULL,
    "summaryEn" VARCHAR(300) NOT NULL,
    "websiteUrl" VARCHAR(500) NOT NULL,
    "medicalDevice" BOOLEAN NOT NULL DEFAULT false,
    "status" "CatalogAppStatus" NOT NULL DEFAULT 'LISTED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CatalogApp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_nir_key" ON "User"("nir");

-- CreateIndex
CREATE UNIQUE INDEX "Professional_userId_key" ON "Professional"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Professional_rpps_key" ON "Professional"("rpps");

-- CreateIndex
CREATE INDEX "Professional_lastName_firstName_idx" ON "Professional"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "Professional_city_idx" ON "Professional"("city");

-- CreateIndex
CREATE INDEX "Document_ownerId_documentDate_id_idx" ON "Document"("ownerId", "documentDate" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogApp_slug_key" ON "CatalogApp"("slug");

-- CreateIndex
CREATE INDEX "CatalogApp_status_theme_idx" ON "CatalogApp"("status", "theme");

-- AddForeignKey
ALTER TABLE "Professional" ADD CONSTRAINT "Professional_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

