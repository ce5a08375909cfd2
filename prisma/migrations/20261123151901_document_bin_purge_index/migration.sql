-- CreateIndex
CREATE INDEX "Document_deletedAt_idx" ON "Document"("deletedAt");

