-- CreateEnum
CREATE TYPE "NoticeChannel" AS ENUM ('IN_APP');

-- CreateEnum
CREATE TYPE "NoticeDelivery" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "SeasonNotice" (
    "id" UUID NOT NULL,
    "countyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "senderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeasonNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeasonNoticeRecipient" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "deadline" DATE NOT NULL,
    "channel" "NoticeChannel" NOT NULL DEFAULT 'IN_APP',
    "delivery" "NoticeDelivery" NOT NULL DEFAULT 'PENDING',
    "deliveredAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "readById" TEXT,

    CONSTRAINT "SeasonNoticeRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SeasonNotice_countyId_year_createdAt_idx" ON "SeasonNotice"("countyId", "year", "createdAt");

-- CreateIndex
CREATE INDEX "SeasonNoticeRecipient_organizationId_readAt_idx" ON "SeasonNoticeRecipient"("organizationId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "SeasonNoticeRecipient_noticeId_organizationId_key" ON "SeasonNoticeRecipient"("noticeId", "organizationId");

-- AddForeignKey
ALTER TABLE "SeasonNotice" ADD CONSTRAINT "SeasonNotice_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeasonNotice" ADD CONSTRAINT "SeasonNotice_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeasonNoticeRecipient" ADD CONSTRAINT "SeasonNoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "SeasonNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeasonNoticeRecipient" ADD CONSTRAINT "SeasonNoticeRecipient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeasonNoticeRecipient" ADD CONSTRAINT "SeasonNoticeRecipient_readById_fkey" FOREIGN KEY ("readById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

