import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./scripts/lib/server-only-noop.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,components,scripts,prisma,fixtures,app}/**/*.test.{ts,tsx}"],
    testTimeout: 20_000,
    environment: "node",
    pool: "forks",
    globalSetup: ["./scripts/lib/vitest-global-setup.ts"],
  },
});
