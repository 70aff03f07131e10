import { describe, expect, it } from "vitest";
import { OrganizationKind } from "@/lib/generated/prisma/enums";
import { organizationKinds } from "@/lib/report-data";

describe("organization kinds", () => {
  it("are the database's OrganizationKind values, each named", () => {
    expect(Object.keys(organizationKinds).sort()).toEqual(Object.values(OrganizationKind).sort());
  });
});
