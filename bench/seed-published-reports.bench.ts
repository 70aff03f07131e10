/**
 * What the published seed reports add to startup: `npm run bench -- seed-published`.
 *
 * On a throw-away PostgreSQL (migrated, demo organizations and users already loaded):
 * the first run of seedPublishedReports (reads the five seeds, renders five publication
 * snapshots — HTML and PDF —, writes them), then a second run (what every restart pays:
 * five lookups, nothing read or rendered). Not a test: prints figures only.
 */
import { performance } from "node:perf_hooks";
import { applyMigrations } from "../scripts/lib/migrate";
import { createScriptClient } from "../scripts/lib/prisma-client";
import { startThrowawayServer } from "../scripts/lib/throwaway-database";
import { demoOrganizations } from "../prisma/seed/demo-organizations";
import { seedPublishedReports } from "../prisma/seed/seed-published-reports";

const server = await startThrowawayServer();
try {
  const url = await server.createDatabase("bench_seed_published");
  await applyMigrations(url);
  const client = createScriptClient(url);
  try {
    // The organizations only: users (argon2 hashing) are not what is measured here.
    const organizations = new Map<string, string>();
    for (const organization of demoOrganizations) {
      const parentId = organization.parentKey ? organizations.get(organization.parentKey) : undefined;
      const created = await client.organization.create({
        data: { name: organization.name, kind: organization.kind, parentId: parentId ?? null },
        select: { id: true },
      });
      organizations.set(organization.key, created.id);
    }
    let start = performance.now();
    const first = await seedPublishedReports(client, organizations);
    const firstMs = performance.now() - start;
    start = performance.now();
    const second = await seedPublishedReports(client, organizations);
    const secondMs = performance.now() - start;
    const pdfBytes = await client.publication.aggregate({ _sum: { sequence: true } });
    console.log(
      `first start:  ${first.created} reports read, rendered and stored in ${(firstMs / 1000).toFixed(2)} s (${(firstMs / Math.max(first.created, 1)).toFixed(0)} ms per report, module loading included)`,
    );
    console.log(`restart:      ${second.created} reports, ${secondMs.toFixed(1)} ms`);
    console.log(`publications: ${pdfBytes._sum.sequence ?? 0}`);
  } finally {
    await client.$disconnect();
  }
} finally {
  await server.stop();
}
