-- CreateEnum
CREATE TYPE "CountyReportMode" AS ENUM ('OWN', 'COUNTY_WIDE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "countyReportMode" "CountyReportMode" NOT NULL DEFAULT 'OWN';

