import { createScriptClient } from "../../scripts/lib/prisma-client";
import { e2eState } from "./state";

// A county of its own for the account journey (created here because the unit pages are
// another journey's), so the accounts and reports made in it touch no other spec's world.
export const trialCounty = {
  name: "账号试点县",
  units: [
    { name: "城关镇人民政府", kind: "TOWN" },
    { name: "东关乡人民政府", kind: "TOWNSHIP" },
    { name: "西河乡人民政府", kind: "TOWNSHIP" },
    { name: "南山镇人民政府", kind: "TOWN" },
    { name: "账号试点县人民政府办公室", kind: "DEPARTMENT" },
  ],
} as const;

/** Creates the county and its units once; the ids by name. */
export async function ensureTrialCounty(): Promise<Map<string, string>> {
  const client = createScriptClient((await e2eState.read()).databaseUrl);
  try {
    const ids = new Map<string, string>();
    const county =
      (await client.organization.findFirst({ where: { name: trialCounty.name, parentId: null } })) ??
      (await client.organization.create({ data: { name: trialCounty.name, kind: "COUNTY" } }));
    ids.set(county.name, county.id);
    for (const unit of trialCounty.units) {
      const existing =
        (await client.organization.findFirst({ where: { name: unit.name, parentId: county.id } })) ??
        (await client.organization.create({ data: { name: unit.name, kind: unit.kind, parentId: county.id } }));
      ids.set(existing.name, existing.id);
    }
    return ids;
  } finally {
    await client.$disconnect();
  }
}

/** A user's id, for the requests a page never makes (another county's account). */
export async function userIdOf(username: string): Promise<string> {
  const client = createScriptClient((await e2eState.read()).databaseUrl);
  try {
    return (await client.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
  } finally {
    await client.$disconnect();
  }
}
