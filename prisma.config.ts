// Prisma 7 CLI configuration: used for `prisma generate` only (see scripts/prisma-generate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
});
