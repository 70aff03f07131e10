-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "importId" UUID;

-- CreateTable
CREATE TABLE "ReportImport" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "origin" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "file" BYTEA NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "reading" JSONB NOT NULL,
    "organizationWarning" TEXT,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportImport_reportId_createdAt_idx" ON "ReportImport"("reportId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_importId_key" ON "Report"("importId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ReportImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportImport" ADD CONSTRAINT "ReportImport_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportImport" ADD CONSTRAINT "ReportImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

