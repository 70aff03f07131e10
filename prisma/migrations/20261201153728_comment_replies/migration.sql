-- AlterTable
ALTER TABLE "ReviewComment" ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "reply" TEXT;

