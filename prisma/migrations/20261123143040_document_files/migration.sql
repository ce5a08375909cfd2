-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "extractedText" TEXT,
ADD COLUMN     "fileName" VARCHAR(255),
ADD COLUMN     "mimeType" VARCHAR(100),
ADD COLUMN     "sha256" CHAR(64),
ADD COLUMN     "sizeBytes" INTEGER,
ADD COLUMN     "storageKey" VARCHAR(140),
ADD COLUMN     "wrappedKey" BYTEA;

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_ownerId_deletedAt_idx" ON "Document"("ownerId", "deletedAt");

