-- AlterTable
ALTER TABLE "ReviewComment" ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "reply" TEXT;


-- Publishing now closes the comments still open (transitions.ts, closesComments): close
-- those of reports published before, so they leave the queue's 未处理批注 count too.
UPDATE "ReviewComment" SET "resolvedAt" = CURRENT_TIMESTAMP
WHERE "resolvedAt" IS NULL AND "reportId" IN (SELECT id FROM "Report" WHERE status = 'PUBLISHED');
