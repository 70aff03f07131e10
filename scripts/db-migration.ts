// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
// schema of the newest migration (prisma/migrations/schema.snapshot.prisma) to
// prisma/schema.prisma, then moves the snapshot forward.
import fs from "node:fs/promises";
import path from "node:path";
import { diffSchemas, paths } from "./lib/migrate";
import { startThrowawayServer } from "./lib/throwaway-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("用法：npm run db:migration -- <name>（小写字母、数字、下划线）");
  process.exit(2);
}

const hasSnapshot = await fs.stat(paths.snapshot).then(
  () => true,
  () => false,
);
// The CLI's config needs a reachable database even for a datamodel-only diff.
const server = await startThrowawayServer();
try {
  const sql = await diffSchemas(
    hasSnapshot ? paths.snapshot : null,
    paths.schema,
    await server.createDatabase("migration_diff"),
  );
  if (/^-- This is an empty migration\.?\s*$/.test(sql.trim()) || !sql.trim()) {
    console.log("prisma/schema.prisma 与最新迁移一致，无需新迁移。");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(paths.migrations, `${stamp}_${name}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "migration.sql"), sql);
    await fs.copyFile(paths.schema, paths.snapshot);
    console.log(`已写入 ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server.stop();
}
