-- CreateTable
CREATE TABLE "CountySummaryPublication" (
    "id" UUID NOT NULL,
    "countyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "templateId" TEXT NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "includedUnits" JSONB NOT NULL,
    "excludedUnits" JSONB NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "correctionNote" TEXT,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publicationDate" DATE NOT NULL,

    CONSTRAINT "CountySummaryPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CountySummaryPublication_countyId_year_sequence_key" ON "CountySummaryPublication"("countyId", "year", "sequence");

-- AddForeignKey
ALTER TABLE "CountySummaryPublication" ADD CONSTRAINT "CountySummaryPublication_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountySummaryPublication" ADD CONSTRAINT "CountySummaryPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

