-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "documentDate" DATE;

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "documentDate" DATE,
ADD COLUMN     "docx" BYTEA,
ADD COLUMN     "docxSha256" TEXT,
ADD COLUMN     "publicationDate" DATE;


-- Versions frozen before these columns: published and signed on the day (in China) they
-- were frozen, which is what their PDF prints.
UPDATE "Publication"
SET "publicationDate" = ("publishedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date,
    "documentDate" = ("publishedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date;
