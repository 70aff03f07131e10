/**
 * The scope builder against a real PostgreSQL, on a tree three levels deep under a county
 * (阳城县 → 董封乡 → a station of the township → a team of the station): the subtree the
 * list queries filter by is exactly the set of organizations the policy places in the
 * county, and every list of reports or organizations by county reaches the deepest level.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { can, isInSet, subtreeOf } from "@/lib/workflow/policy";
import { setUpReviewDatabase } from "@/lib/reports/testing/review-database";

const m = setUpReviewDatabase("nianbao_scope", async () => {
  const [scope, queue, approve, { getReport }, publications, tree] = await Promise.all([
    import("./organization-scope"),
    import("@/lib/reports/list-review-queue"),
    import("@/lib/reports/approve-report"),
    import("@/lib/reports/get-report"),
    import("@/lib/publications/list-publications"),
    import("@/lib/organizations/list-organization-tree"),
  ]);
  return { scope, queue, approve, getReport, publications, tree };
});
const year = 2025;
const ids = { county: "", otherCounty: "", township: "", station: "", team: "" };

beforeAll(async () => {
  const id = async (name: string) =>
    (await m.db.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  ids.county = await id("阳城县");
  ids.otherCounty = await id("盐池县");
  ids.township = await id("董封乡人民政府");
  const station = await m.db.organization.create({
    data: { name: "董封乡农业综合服务站", kind: "DEPARTMENT", parentId: ids.township },
    select: { id: true },
  });
  ids.station = station.id;
  const team = await m.db.organization.create({
    data: { name: "董封乡农业综合服务站农技组", kind: "DEPARTMENT", parentId: ids.station },
    select: { id: true },
  });
  ids.team = team.id;
  await m.db.user.create({
    data: {
      id: crypto.randomUUID(),
      name: "农技组 填报员",
      email: "team-clerk@example.invalid",
      username: "team-clerk",
      role: "CLERK",
      organizationId: ids.team,
    },
  });
}, 120_000);

describe("a county's subtree", () => {
  it("reaches every level below the county and nothing of another county", async () => {
    const subtrees = await m.scope.loadSubtrees([ids.county, ids.otherCounty]);
    const county = subtrees.get(ids.county)!;
    expect(county).toEqual(expect.arrayContaining([ids.county, ids.township, ids.station, ids.team]));
    expect(county).not.toContain(ids.otherCounty);
    expect(subtrees.get(ids.otherCounty)).not.toContain(ids.team);
  });

  it("is, organization by organization, what the policy places in the county", async () => {
    const subtree = new Set((await m.scope.loadSubtrees([ids.county])).get(ids.county));
    const organizations = await m.db.organization.findMany({ select: { id: true } });
    for (const { id } of organizations) {
      const placed = isInSet(subtreeOf(ids.county), await m.scope.loadOrganizationScope(id));
      expect(placed, id).toBe(subtree.has(id));
    }
    const filtered = await m.db.organization.findMany({
      where: await m.scope.organizationFilter(subtreeOf(ids.county)),
      select: { id: true },
    });
    expect(new Set(filtered.map(({ id }) => id))).toEqual(subtree);
  });
});

describe("lists by county", () => {
  it("show the deepest organization's report to the county's reviewer, and only to them", async () => {
    const { steps, queue, approve, db } = m;
    const clerk = await steps.actorFor("team-clerk");
    const reviewer = await steps.actorFor("yangcheng-review");
    const other = await steps.actorFor("yanchi-review");
    const reportId = await steps.startReportAsClerk(clerk, year);
    await steps.saveReportDataAsClerk(clerk, reportId, steps.cleanReportData("董封乡农业综合服务站农技组", year));
    const version = await steps.submitReportAsClerk(clerk, reportId);

    const rows = await queue.listReviewQueue(reviewer, ids.county, { year, sort: "name", dir: "asc" });
    const names = rows.map((row) => row.organization.name);
    expect(names).toEqual(
      expect.arrayContaining(["阳城县", "董封乡人民政府", "董封乡农业综合服务站", "董封乡农业综合服务站农技组"]),
    );
    expect(rows.find((row) => row.organization.id === ids.team)).toMatchObject({ status: "SUBMITTED" });
    const otherRows = await queue.listReviewQueue(other, ids.otherCounty, { year, sort: "name", dir: "asc" });
    expect(otherRows.map((row) => row.organization.id)).not.toContain(ids.team);

    // The policy agrees: the county's reviewer reads and publishes it, the other county's finds nothing.
    const { subject } = await m.getReport(reviewer, reportId);
    expect(can(reviewer, "report.transition", { ...subject, transition: "approve" })).toBe(true);
    await expect(m.getReport(other, reportId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await approve.approveReport(reviewer, { reportId, expectedVersion: version, publish: true });
    expect(await db.publication.count({ where: { reportId } })).toBe(1);

    // The public catalogue's county filter and its list of counties reach it too.
    const listed = await m.publications.listPublications(null, { countyId: ids.county }, m.db);
    expect(listed.map((publication) => publication.reportId)).toContain(reportId);
    const elsewhere = await m.publications.listPublications(null, { countyId: ids.otherCounty }, m.db);
    expect(elsewhere.map((publication) => publication.reportId)).not.toContain(reportId);
    const facets = await m.publications.listPublicationFacets(null, m.db);
    expect(facets.counties.map((county) => county.id)).toContain(ids.county);
    expect(facets.counties.map((county) => county.id)).not.toContain(ids.otherCounty);
  });

  it("give administrators every organization of a county, however deep", async () => {
    const admin = await m.steps.actorFor("admin");
    const counties = await m.tree.listOrganizationTree(admin);
    const county = counties.find((entry) => entry.id === ids.county)!;
    expect(county.children.map((child) => child.id)).toEqual(
      expect.arrayContaining([ids.township, ids.station, ids.team]),
    );
    expect(counties.find((entry) => entry.id === ids.otherCounty)!.children.map((child) => child.id)).not.toContain(
      ids.team,
    );
  });
});
