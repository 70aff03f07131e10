import type { Metadata } from "next";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { listUnitTree } from "@/lib/organizations/list-unit-tree";
import { parentOptions } from "@/lib/organizations/parent-options";
import { unitKindsBelowCounty } from "@/lib/organizations/unit-kinds";
import { loadStaffPage } from "@/lib/server/page-guard";
import { can } from "@/lib/workflow/policy";
import { UnitForm } from "../unit-form";

export const metadata: Metadata = { title: "新建单位" };

export default async function NewUnitPage({
  searchParams,
}: {
  searchParams: Promise<{ parent?: string; county?: string }>;
}) {
  const params = await searchParams;
  const { parents, isCounty } = await loadStaffPage({
    page: "/admin/units/new",
    action: "unit.list",
    authorize: async ({ actor }) => ({
      parents: parentOptions(await listUnitTree(actor)),
      isCounty: params.county === "1" && can(actor, "county.manage", null),
    }),
  });
  const parentId = parents.some((parent) => parent.id === params.parent) ? params.parent! : (parents[0]?.id ?? "");
  return (
    <StaffPageLayout
      back={{ href: "/admin/units", name: "单位管理" }}
      title={isCounty ? "新建县（区）" : "新建单位"}
      isNarrow
    >
      {!isCounty && parents.length === 0 ? (
        <p>没有可以设立单位的上级单位。</p>
      ) : (
        <UnitForm
          mode={isCounty ? { kind: "createCounty" } : { kind: "create", parents }}
          initial={{ name: "", kind: isCounty ? "COUNTY" : "TOWN", parentId, divisionCode: "", creditCode: "" }}
          kinds={isCounty ? ["COUNTY"] : unitKindsBelowCounty}
        />
      )}
    </StaffPageLayout>
  );
}
