import { describe, expect, it } from "vitest";
import {
  administeredOrganizations,
  assignableRoles,
  can,
  isInSet,
  readableOrganizations,
  refusalOf,
  staffPages,
  subtreeOf,
  type AccountSubject,
  type Action,
  type Actor,
  type OrganizationScope,
  type ReportSubject,
  type StaffPage,
} from "./policy";
import { roles, type Role } from "./roles";
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
  countyAdminA: { userId: "u6", role: "COUNTY_ADMIN", organizationId: countyA },
  countyAdminB: { userId: "u7", role: "COUNTY_ADMIN", organizationId: countyB },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const reportOf = (scope: typeof townA1, status: ReportStatus): ReportSubject => ({ ...scope, status });

describe("report.read", () => {
  // Expected: who may read town A1's report, in every status.
  const allowed: ActorName[] = ["clerkA1", "reviewerA", "countyAdminA", "admin"];
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
      for (const name of ["clerkA1", "reviewerA", "countyAdminA", "admin"] as const) {
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

// ---------------------------------------------------------------------------------------
// County administration: who administers which accounts. Every account action for every
// role, in its own county and in another, for every role the account has or would get.

const departmentA1 = { organizationId: "department-a1", ancestorIds: [townA1.organizationId, countyA] };
const countyScopeA = { organizationId: countyA, ancestorIds: [] };
const countyScopeB = { organizationId: countyB, ancestorIds: [] };
const accountUnits = {
  countyA: countyScopeA,
  townA1,
  departmentA1,
  countyB: countyScopeB,
  townB1,
  none: null,
} satisfies Record<string, OrganizationScope | null>;
type UnitName = keyof typeof accountUnits;

/** The expected answer of account.manage, written out per actor (the policy must agree everywhere). */
function expectedManage(name: ActorName, unit: UnitName, role: Role): ReturnType<typeof refusalOf> {
  switch (name) {
    case "anonymous":
      return "UNAUTHENTICATED";
    case "admin":
      return null;
    case "countyAdminA":
      if (!["countyA", "townA1", "departmentA1"].includes(unit)) return "NOT_FOUND";
      return role === "ADMIN" ? "FORBIDDEN" : null;
    case "countyAdminB":
      if (!["countyB", "townB1"].includes(unit)) return "NOT_FOUND";
      return role === "ADMIN" ? "FORBIDDEN" : null;
    default:
      return "FORBIDDEN";
  }
}

describe("account.manage", () => {
  for (const name of Object.keys(actors) as ActorName[]) {
    for (const unit of Object.keys(accountUnits) as UnitName[]) {
      for (const role of roles) {
        const expected = expectedManage(name, unit, role);
        it(`${name} → ${role} account in ${unit}: ${expected ?? "allowed"}`, () => {
          const subject: AccountSubject = { unit: accountUnits[unit], role, isSelf: false };
          expect(refusalOf(actors[name], "account.manage", subject)).toBe(expected);
        });
      }
    }
  }

  it("a county administrator cannot create or become a system administrator, in its county or anywhere", () => {
    for (const unit of Object.values(accountUnits))
      expect(can(actors.countyAdminA, "account.manage", { unit, role: "ADMIN", isSelf: false })).toBe(false);
    expect(assignableRoles(actors.countyAdminA)).not.toContain("ADMIN");
  });

  it("nobody administers their own account (no self-escalation, no locking oneself out)", () => {
    for (const role of roles) {
      expect(refusalOf(actors.countyAdminA, "account.manage", { unit: countyScopeA, role, isSelf: true })).toBe(
        "FORBIDDEN",
      );
      expect(refusalOf(actors.admin, "account.manage", { unit: null, role, isSelf: true })).toBe("FORBIDDEN");
    }
  });

  it("a change is asked for the account as it is and as it would be: moving a clerk out of the county is refused", () => {
    const asItIs: AccountSubject = { unit: townA1, role: "CLERK", isSelf: false };
    const asItWouldBe: AccountSubject = { unit: townB1, role: "CLERK", isSelf: false };
    expect(can(actors.countyAdminA, "account.manage", asItIs)).toBe(true);
    expect(can(actors.countyAdminA, "account.manage", asItWouldBe)).toBe(false);
    expect(can(actors.admin, "account.manage", asItWouldBe)).toBe(true);
  });

  it("a county administrator without a county administers nothing", () => {
    const lost = { userId: "u9", role: "COUNTY_ADMIN", organizationId: null } as const;
    expect(administeredOrganizations(lost)).toEqual({ kind: "nothing" });
    expect(refusalOf(lost, "account.manage", { unit: townA1, role: "CLERK", isSelf: false })).toBe("FORBIDDEN");
    expect(refusalOf(lost, "account.list", null)).toBe("FORBIDDEN");
  });
});

describe("account.read, account.list, audit.read", () => {
  it("account.read: an account of the administered scope, one's own included", () => {
    for (const name of Object.keys(actors) as ActorName[]) {
      for (const unit of Object.keys(accountUnits) as UnitName[]) {
        const manage = expectedManage(name, unit, "CLERK");
        expect(refusalOf(actors[name], "account.read", { unit: accountUnits[unit] }), `${name} ${unit}`).toBe(manage);
      }
    }
  });
  it("account.list, account.import and audit.read: system and county administrators only", () => {
    for (const action of ["account.list", "account.import", "audit.read"] as const) {
      for (const name of Object.keys(actors) as ActorName[]) {
        const expected =
          name === "anonymous"
            ? "UNAUTHENTICATED"
            : name === "admin" || name.startsWith("countyAdmin")
              ? null
              : "FORBIDDEN";
        expect(refusalOf(actors[name], action, null), `${name} ${action}`).toBe(expected);
      }
    }
  });
  it("the administered scope is the county's subtree for a county administrator, everything for the system administrator", () => {
    const scopes = [countyScopeA, townA1, departmentA1, countyScopeB, townB1];
    expect(scopes.filter((scope) => isInSet(administeredOrganizations(actors.countyAdminA), scope))).toEqual([
      countyScopeA,
      townA1,
      departmentA1,
    ]);
    expect(administeredOrganizations(actors.admin)).toEqual({ kind: "everything" });
    for (const name of ["clerkA1", "reviewerA", "anonymous"] as const)
      expect(administeredOrganizations(actors[name])).toEqual({ kind: "nothing" });
  });
  it("account.changeOwnPassword: every signed-in user", () => {
    for (const name of Object.keys(actors) as ActorName[])
      expect(refusalOf(actors[name], "account.changeOwnPassword", null)).toBe(
        name === "anonymous" ? "UNAUTHENTICATED" : null,
      );
  });
});

describe("a user who must choose a new password", () => {
  const newClerk = { ...actors.clerkA1, mustChangePassword: true };
  const newCountyAdmin = { ...actors.countyAdminA, mustChangePassword: true };

  it("may open the password page and change the password, and nothing else", () => {
    expect(can(newClerk, "page.open", { page: "/account/password" })).toBe(true);
    expect(can(newClerk, "account.changeOwnPassword", null)).toBe(true);
    expect(refusalOf(newClerk, "page.open", { page: "/clerk" })).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(refusalOf(newClerk, "report.create", { organizationId: townA1.organizationId })).toBe(
      "PASSWORD_CHANGE_REQUIRED",
    );
    expect(refusalOf(newClerk, "report.read", reportOf(townA1, "DRAFT"))).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(refusalOf(newCountyAdmin, "account.list", null)).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(refusalOf(newCountyAdmin, "account.manage", { unit: townA1, role: "CLERK", isSelf: false })).toBe(
      "PASSWORD_CHANGE_REQUIRED",
    );
  });

  it("is refused every signed-in action, for every page; what is open to everyone stays open", () => {
    const signedInActions: Action[] = ["admin.manage", "admin.importBatch", "audit.read", "account.list"];
    for (const action of signedInActions)
      expect(refusalOf(newCountyAdmin, action as "account.list", null)).toBe("PASSWORD_CHANGE_REQUIRED");
    for (const page of Object.keys(staffPages) as StaffPage[])
      expect(refusalOf(newClerk, "page.open", { page })).toBe(
        page === "/account/password" ? null : "PASSWORD_CHANGE_REQUIRED",
      );
    expect(can(newClerk, "session.signOut", null)).toBe(true);
    expect(can(newClerk, "publication.read", { isPublished: true })).toBe(true);
  });
});

describe("administration", () => {
  const places = { countyA: countyScopeA, townA1, departmentA1, countyB: countyScopeB, townB1 };
  type Place = keyof typeof places;
  type Answer = "yes" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED";
  const row = (...answers: Answer[]) =>
    Object.fromEntries((Object.keys(places) as Place[]).map((place, index) => [place, answers[index]!])) as Record<
      Place,
      Answer
    >;

  // Placing, changing a unit or setting a calendar: the answers of everyone but the county
  // administrators, who differ by action.
  const changingUnits = {
    anonymous: row("UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"),
    clerkA1: row("NOT_FOUND", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
    clerkA2: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
    reviewerA: row("FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    reviewerB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN"),
    admin: row("yes", "yes", "yes", "yes", "yes"),
  };

  // Each action on each organization, for every actor: the expected answer, written out.
  const matrix: Record<
    "unit.create" | "unit.manage" | "calendar.manage" | "calendar.read",
    Record<ActorName, Record<Place, Answer>>
  > = {
    // Placing a unit under this parent.
    "unit.create": {
      ...changingUnits,
      countyAdminA: row("yes", "yes", "yes", "NOT_FOUND", "NOT_FOUND"),
      countyAdminB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "yes", "yes"),
    },
    // Changing this unit: a county administrator changes what is below its county, never the county.
    "unit.manage": {
      ...changingUnits,
      countyAdminA: row("FORBIDDEN", "yes", "yes", "NOT_FOUND", "NOT_FOUND"),
      countyAdminB: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "yes"),
    },
    // Setting a county's calendar (asked about the county).
    "calendar.manage": {
      ...changingUnits,
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
