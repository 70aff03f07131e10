import "server-only";
import type { OrganizationScope } from "@/lib/workflow/policy";
import { db } from "./db";

/** An organization and every organization above it (county trees are shallow). */
export async function loadOrganizationScope(organizationId: string): Promise<OrganizationScope> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId", 0 AS depth FROM "Organization" WHERE id = ${organizationId}::uuid
      UNION ALL
      SELECT o.id, o."parentId", c.depth + 1 FROM "Organization" o JOIN chain c ON o.id = c."parentId" WHERE c.depth < 10
    )
    SELECT id::text FROM chain WHERE depth > 0 ORDER BY depth`;
  return { organizationId, ancestorIds: rows.map((row) => row.id) };
}
