import { describe, expect, it } from "vitest";
import {
  can,
  isInSet,
  readableOrganizations,
  refusalOf,
  staffPages,
  subtreeOf,
  type Actor,
  type OrganizationScope,
  type ReportSubject,
  type StaffPage,
} from "./policy";
import { reportStatuses, transitions, type ReportStatus, type TransitionName } from "./transitions";

// Two counties with two townships each, as in documenso's "two independent users" tests.
const countyA = "county-a";
const countyB = "county-b";
const townA1 = { organizationId: "town-a1", ancestorIds: [countyA] };
const townA2 = { organizationId: "town-a2", ancestorIds: [countyA] };
const townB1 = { organizationId: "town-b1", ancestorIds: [countyB] };

const actors = {
  anonymous: null,
  clerkA1: { userId: "u1", role: "CLERK", organizationId: townA1.organizationId },
  clerkA2: { userId: "u2", role: "CLERK", organizationId: townA2.organizationId },
  reviewerA: { userId: "u3", role: "REVIEWER", organizationId: countyA },
  reviewerB: { userId: "u4", role: "REVIEWER", organizationId: countyB },
  admin: { userId: "u5", role: "ADMIN", organizationId: null },
  countyAdminA: { userId: "u6", role: "COUNTY_ADMIN", organizationId: countyA },
  countyAdminB: { userId: "u7", role: "COUNTY_ADMIN", organizationId: countyB },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const reportOf = (scope: typeof townA1, status: ReportStatus): ReportSubject => ({ ...scope, status });

describe("report.read", () => {
  // Expected: who may read town A1's report, in every status.
  const allowed: ActorName[] = ["clerkA1", "reviewerA", "admin", "countyAdminA"];
  for (const status of reportStatuses) {
    for (const name of Object.keys(actors) as ActorName[]) {
      it(`${name} ${allowed.includes(name) ? "may" : "may not"} read a ${status} report of town A1`, () => {
        expect(can(actors[name], "report.read", reportOf(townA1, status))).toBe(allowed.includes(name));
      });
    }
  }
  it("a reviewer reads the county's own report", () => {
    expect(can(actors.reviewerA, "report.read", { organizationId: countyA, ancestorIds: [], status: "DRAFT" })).toBe(
      true,
    );
    expect(can(actors.reviewerB, "report.read", { organizationId: countyA, ancestorIds: [], status: "DRAFT" })).toBe(
      false,
    );
  });
  it("a reviewer of another county reads nothing of county A", () => {
    expect(can(actors.reviewerB, "report.read", reportOf(townA2, "SUBMITTED"))).toBe(false);
    expect(can(actors.reviewerA, "report.read", reportOf(townB1, "SUBMITTED"))).toBe(false);
  });
});

describe("report.edit", () => {
  const editable: ReportStatus[] = ["DRAFT", "RETURNED"];
  for (const status of reportStatuses) {
    it(`only the own clerk edits, and only a ${editable.join("/")} report (status ${status})`, () => {
      expect(can(actors.clerkA1, "report.edit", reportOf(townA1, status))).toBe(editable.includes(status));
      for (const name of ["anonymous", "clerkA2", "reviewerA", "reviewerB", "admin"] as const) {
        expect(can(actors[name], "report.edit", reportOf(townA1, status))).toBe(false);
      }
    });
  }
});

describe("report.transition", () => {
  const expected: Record<TransitionName, { actor: ActorName; from: ReportStatus[] }> = {
    submit: { actor: "clerkA1", from: ["DRAFT", "RETURNED"] },
    return: { actor: "reviewerA", from: ["SUBMITTED", "APPROVED"] },
    approve: { actor: "reviewerA", from: ["SUBMITTED"] },
    publish: { actor: "reviewerA", from: ["APPROVED"] },
    reopenForCorrection: { actor: "reviewerA", from: ["PUBLISHED"] },
  };
  for (const transition of Object.keys(transitions) as TransitionName[]) {
    for (const status of reportStatuses) {
      for (const name of Object.keys(actors) as ActorName[]) {
        const isAllowed = expected[transition].actor === name && expected[transition].from.includes(status);
        it(`${name} ${isAllowed ? "may" : "may not"} ${transition} from ${status}`, () => {
          expect(can(actors[name], "report.transition", { ...reportOf(townA1, status), transition })).toBe(isAllowed);
        });
      }
    }
  }
});

describe("report.comment", () => {
  it("only a reviewer of the county comments, and only on a submitted report", () => {
    for (const status of reportStatuses) {
      expect(can(actors.reviewerA, "report.comment", reportOf(townA1, status))).toBe(status === "SUBMITTED");
      expect(can(actors.reviewerB, "report.comment", reportOf(townA1, status))).toBe(false);
      expect(can(actors.clerkA1, "report.comment", reportOf(townA1, status))).toBe(false);
    }
  });
});

describe("scopes", () => {
  it("report.create and history import: own clerk only", () => {
    for (const action of ["report.create", "report.importHistory"] as const) {
      expect(can(actors.clerkA1, action, townA1)).toBe(true);
      expect(can(actors.clerkA2, action, townA1)).toBe(false);
      expect(can(actors.reviewerA, action, townA1)).toBe(false);
      expect(can(actors.admin, action, townA1)).toBe(false);
      expect(can(actors.anonymous, action, townA1)).toBe(false);
    }
  });
  it("review.queue: the county's reviewer and admins", () => {
    const county = { organizationId: countyA, ancestorIds: [] };
    expect(can(actors.reviewerA, "review.queue", county)).toBe(true);
    expect(can(actors.reviewerB, "review.queue", county)).toBe(false);
    expect(can(actors.clerkA1, "review.queue", county)).toBe(false);
    expect(can(actors.admin, "review.queue", county)).toBe(true);
  });
  it("admin.manage: admins only", () => {
    for (const name of Object.keys(actors) as ActorName[]) {
      expect(can(actors[name], "admin.manage", null)).toBe(name === "admin");
    }
  });
  it("admin.importBatch: admins only, for any county (the county is read from the upload)", () => {
    for (const name of Object.keys(actors) as ActorName[]) {
      expect(can(actors[name], "admin.importBatch", null)).toBe(name === "admin");
    }
  });
  it("publication.read: anyone, but only what is published", () => {
    for (const name of Object.keys(actors) as ActorName[]) {
      expect(can(actors[name], "publication.read", { isPublished: true })).toBe(true);
      expect(can(actors[name], "publication.read", { isPublished: false })).toBe(false);
    }
  });
  it("an unknown action is refused", () => {
    // Simulates a caller compiled against an older action list.
    const unknownAction = "report.delete" as unknown as "admin.manage";
    expect(can(actors.admin, unknownAction, null)).toBe(false);
  });
});

describe("refusals", () => {
  it("say NOT_FOUND for what is not yours, FORBIDDEN to the wrong actor, and ask anonymous visitors to sign in", () => {
    const draft = reportOf(townA1, "DRAFT");
    expect(refusalOf(actors.clerkA2, "report.edit", draft)).toBe("NOT_FOUND");
    expect(refusalOf(actors.reviewerB, "report.read", draft)).toBe("NOT_FOUND");
    expect(refusalOf(actors.reviewerA, "report.edit", draft)).toBe("FORBIDDEN");
    expect(refusalOf(actors.anonymous, "report.read", draft)).toBe("UNAUTHENTICATED");
    // The right actor on a report in the wrong status: a save is told the state, a decision is not offered.
    expect(refusalOf(actors.clerkA1, "report.edit", reportOf(townA1, "SUBMITTED"))).toBe("INVALID_STATE");
    expect(
      refusalOf(actors.reviewerA, "report.transition", { ...reportOf(townA1, "PUBLISHED"), transition: "approve" }),
    ).toBe("FORBIDDEN");
    // Another county's published report is not found whatever is asked of it.
    expect(
      refusalOf(actors.reviewerB, "report.transition", { ...reportOf(townA1, "PUBLISHED"), transition: "approve" }),
    ).toBe("NOT_FOUND");
  });
});

describe("scope", () => {
  const departmentA1 = { organizationId: "department-a1", ancestorIds: [townA1.organizationId, countyA] };
  const countyScope = { organizationId: countyA, ancestorIds: [] };
  const scopes: OrganizationScope[] = [countyScope, townA1, townA2, departmentA1, townB1];

  it("reaches, for a reviewer, the county and everything below it at any depth, and nothing of another county", () => {
    const reachable = scopes.filter((scope) => isInSet(readableOrganizations(actors.reviewerA), scope));
    expect(reachable).toEqual([countyScope, townA1, townA2, departmentA1]);
    expect(scopes.filter((scope) => isInSet(subtreeOf(townA1.organizationId), scope))).toEqual([townA1, departmentA1]);
    expect(scopes.filter((scope) => isInSet(readableOrganizations(actors.reviewerB), scope))).toEqual([townB1]);
  });

  it("is exactly what report.read and organization.read allow, for every actor and organization", () => {
    for (const name of Object.keys(actors) as ActorName[]) {
      for (const scope of scopes) {
        const inScope = isInSet(readableOrganizations(actors[name]), scope);
        expect(can(actors[name], "report.read", { ...scope, status: "DRAFT" }), `${name} ${scope.organizationId}`).toBe(
          inScope,
        );
        expect(can(actors[name], "organization.read", scope)).toBe(inScope);
      }
    }
  });
});

describe("page.open", () => {
  it("sends each role to its own pages only; anonymous visitors sign in first", () => {
    for (const page of Object.keys(staffPages) as StaffPage[]) {
      for (const name of ["clerkA1", "reviewerA", "admin"] as const) {
        const role = actors[name].role;
        expect(refusalOf(actors[name], "page.open", { page }), `${name} ${page}`).toBe(
          (staffPages[page] as readonly string[]).includes(role) ? null : "FORBIDDEN",
        );
      }
      expect(refusalOf(actors.anonymous, "page.open", { page })).toBe("UNAUTHENTICATED");
    }
    expect(can(actors.admin, "page.open", { page: "/review/reports/[id]" })).toBe(true);
    expect(can(actors.admin, "page.open", { page: "/review" })).toBe(false);
  });
});

describe("administration", () => {
  const countyScopeA = { organizationId: countyA, ancestorIds: [] };
  const countyScopeB = { organizationId: countyB, ancestorIds: [] };
  const departmentA1 = { organizationId: "department-a1", ancestorIds: [townA1.organizationId, countyA] };
  const places = { countyA: countyScopeA, townA1, departmentA1, countyB: countyScopeB, townB1 };
  type Place = keyof typeof places;
  type Answer = "yes" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED";
  const row = (...answers: Answer[]) =>
    Object.fromEntries((Object.keys(places) as Place[]).map((place, index) => [place, answers[index]!])) as Record<
      Place,
      Answer
    >;

  // Each action on each organization, for every actor: the expected answer, written out.
  const matrix: Record<
    "unit.create" | "unit.manage" | "calendar.manage" | "calendar.read",
    Record<ActorName, Record<Place, Answer>>
  > = {
    // Placing a unit under this parent.
    "unit.create": {
      anonymous: row("UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"),
      clerkA1: row("NOT_FOUND", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      clerkA2: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      reviewerA: row("FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
      reviewerB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN"),
      admin: row("yes", "yes", "yes", "yes", "yes"),
      countyAdminA: row("yes", "yes", "yes", "NOT_FOUND", "NOT_FOUND"),
      countyAdminB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "yes", "yes"),
    },
    // Changing this unit: a county administrator changes what is below its county, never the county.
    "unit.manage": {
      anonymous: row("UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"),
      clerkA1: row("NOT_FOUND", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      clerkA2: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      reviewerA: row("FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
      reviewerB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN"),
      admin: row("yes", "yes", "yes", "yes", "yes"),
      countyAdminA: row("FORBIDDEN", "yes", "yes", "NOT_FOUND", "NOT_FOUND"),
      countyAdminB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "yes"),
    },
    // Setting a county's calendar (asked about the county).
    "calendar.manage": {
      anonymous: row("UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"),
      clerkA1: row("NOT_FOUND", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      clerkA2: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      reviewerA: row("FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
      reviewerB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN"),
      admin: row("yes", "yes", "yes", "yes", "yes"),
      countyAdminA: row("yes", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
      countyAdminB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "yes", "FORBIDDEN"),
    },
    // Reading the calendar that applies to an organization: whoever reads the organization.
    "calendar.read": {
      anonymous: row("UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"),
      clerkA1: row("NOT_FOUND", "yes", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      clerkA2: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
      reviewerA: row("yes", "yes", "yes", "NOT_FOUND", "NOT_FOUND"),
      reviewerB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "yes", "yes"),
      admin: row("yes", "yes", "yes", "yes", "yes"),
      countyAdminA: row("yes", "yes", "yes", "NOT_FOUND", "NOT_FOUND"),
      countyAdminB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "yes", "yes"),
    },
  };

  for (const [action, byActor] of Object.entries(matrix) as [
    keyof typeof matrix,
    Record<ActorName, Record<Place, Answer>>,
  ][])
    for (const name of Object.keys(actors) as ActorName[])
      it(`${action}: ${name}`, () => {
        const answers = Object.fromEntries(
          (Object.keys(places) as Place[]).map((place) => [
            place,
            refusalOf(actors[name], action, places[place]) ?? "yes",
          ]),
        );
        expect(answers).toEqual(byActor[name]);
      });

  it("unit.list: the two administrators; county.manage: the system administrator alone", () => {
    const listing = Object.fromEntries(
      (Object.keys(actors) as ActorName[]).map((name) => [name, refusalOf(actors[name], "unit.list", null) ?? "yes"]),
    );
    expect(listing).toEqual({
      anonymous: "UNAUTHENTICATED",
      clerkA1: "FORBIDDEN",
      clerkA2: "FORBIDDEN",
      reviewerA: "FORBIDDEN",
      reviewerB: "FORBIDDEN",
      admin: "yes",
      countyAdminA: "yes",
      countyAdminB: "yes",
    });
    for (const name of Object.keys(actors) as ActorName[])
      expect(can(actors[name], "county.manage", null), name).toBe(name === "admin");
  });

  it("a county administrator without a county administers nothing", () => {
    const orphan: Actor = { userId: "u9", role: "COUNTY_ADMIN", organizationId: null };
    expect(refusalOf(orphan, "unit.list", null)).toBe("FORBIDDEN");
    expect(refusalOf(orphan, "unit.create", townA1)).toBe("NOT_FOUND");
    expect(refusalOf(orphan, "calendar.manage", countyScopeA)).toBe("NOT_FOUND");
  });
});
