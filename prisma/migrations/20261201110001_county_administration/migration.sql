-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'COUNTY_ADMIN';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phone" TEXT;

-- CreateTable
CREATE TABLE "ReportingCalendar" (
    "id" UUID NOT NULL,
    "countyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "opensOn" DATE NOT NULL,
    "unitDeadline" DATE NOT NULL,
    "countyDeadline" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCalendar_countyId_year_key" ON "ReportingCalendar"("countyId", "year");

-- AddForeignKey
ALTER TABLE "ReportingCalendar" ADD CONSTRAINT "ReportingCalendar_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

