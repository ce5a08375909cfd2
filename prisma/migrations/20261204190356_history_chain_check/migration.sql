-- CreateTable
CREATE TABLE "HistoryChainCheck" (
    "id" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedByRole" "Role" NOT NULL,
    "requestedByLabel" VARCHAR(200) NOT NULL,
    "ipAddress" VARCHAR(64),
    "cursor" UUID,
    "patients" INTEGER NOT NULL DEFAULT 0,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "brokenCount" INTEGER NOT NULL DEFAULT 0,
    "broken" JSONB NOT NULL DEFAULT '[]',
    "leaseToken" UUID,
    "leaseUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "HistoryChainCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HistoryChainCheck_createdAt_idx" ON "HistoryChainCheck"("createdAt" DESC);

