-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "repetitionThresholdPercent" INTEGER;

