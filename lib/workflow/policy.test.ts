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

// Two counties with two townships each: every "not yours" case has a neighbour in the same
// county and a stranger in another one.
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
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const reportOf = (scope: typeof townA1, status: ReportStatus): ReportSubject => ({ ...scope, status });

describe("report.read", () => {
  // Expected: who may read town A1's report, in every status.
  const allowed: ActorName[] = ["clerkA1", "reviewerA", "admin"];
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
  // Expected, for a report awaiting the confirmation of an import (pending) and any other.
  type Expected = { actor: ActorName; from: ReportStatus[]; pending: boolean[] };
  const either = [false, true];
  const expected: Record<TransitionName, Expected> = {
    submit: { actor: "clerkA1", from: ["DRAFT", "RETURNED"], pending: either },
    return: { actor: "reviewerA", from: ["SUBMITTED", "APPROVED"], pending: either },
    approve: { actor: "reviewerA", from: ["SUBMITTED"], pending: [false] },
    publish: { actor: "reviewerA", from: ["APPROVED"], pending: either },
    reopenForCorrection: { actor: "reviewerA", from: ["PUBLISHED"], pending: either },
    import: { actor: "clerkA1", from: ["RETURNED", "PUBLISHED"], pending: either },
    confirmImport: { actor: "reviewerA", from: ["SUBMITTED"], pending: [true] },
  };
  for (const transition of Object.keys(transitions) as TransitionName[]) {
    for (const status of reportStatuses) {
      for (const isPendingImport of either) {
        for (const name of Object.keys(actors) as ActorName[]) {
          const row = expected[transition];
          const isAllowed = row.actor === name && row.from.includes(status) && row.pending.includes(isPendingImport);
          const what = `${transition} from ${status}${isPendingImport ? " (pending import)" : ""}`;
          it(`${name} ${isAllowed ? "may" : "may not"} ${what}`, () => {
            const subject = { ...reportOf(townA1, status), isPendingImport, transition };
            expect(can(actors[name], "report.transition", subject)).toBe(isAllowed);
          });
        }
      }
    }
  }
});

describe("report.readImportSource", () => {
  it("only a reviewer of the county downloads an imported file, in every status", () => {
    for (const status of reportStatuses) {
      expect(can(actors.reviewerA, "report.readImportSource", reportOf(townA1, status))).toBe(true);
      for (const name of ["anonymous", "clerkA1", "clerkA2", "reviewerB", "admin"] as const)
        expect(can(actors[name], "report.readImportSource", reportOf(townA1, status)), name).toBe(false);
    }
    expect(refusalOf(actors.reviewerB, "report.readImportSource", reportOf(townA1, "SUBMITTED"))).toBe("NOT_FOUND");
    expect(refusalOf(actors.clerkA1, "report.readImportSource", reportOf(townA1, "SUBMITTED"))).toBe("FORBIDDEN");
  });
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
