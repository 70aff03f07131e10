-- CreateTable
CREATE TABLE "public_site_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "public_site_version_pkey" PRIMARY KEY ("id")
);

