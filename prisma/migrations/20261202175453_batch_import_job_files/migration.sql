-- CreateTable
CREATE TABLE "BackgroundJobFile" (
    "jobId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "importId" UUID NOT NULL,

    CONSTRAINT "BackgroundJobFile_pkey" PRIMARY KEY ("jobId","position")
);

-- AddForeignKey
ALTER TABLE "BackgroundJobFile" ADD CONSTRAINT "BackgroundJobFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BackgroundJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

