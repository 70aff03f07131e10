import type { Metadata } from "next";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { listUnitTree } from "@/lib/organizations/list-unit-tree";
import { parentOptions } from "@/lib/organizations/parent-options";
import { unitKindsBelowCounty } from "@/lib/organizations/unit-kinds";
import { loadManagedUnit } from "@/lib/organizations/unit-store";
import { loadStaffPage } from "@/lib/server/page-guard";
import { UnitForm } from "../unit-form";
import { MoveUnitForm, RetireUnitButton } from "./unit-changes";

export const metadata: Metadata = { title: "修改单位" };

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { unit, targets } = await loadStaffPage({
    page: "/admin/units/[id]",
    params,
    action: "unit.manage",
    authorize: async ({ actor, params: { id } }) => {
      const unit = await loadManagedUnit(actor, id);
      return { unit, targets: unit.kind === "COUNTY" ? [] : parentOptions(await listUnitTree(actor), unit.id) };
    },
  });
  return (
    <StaffPageLayout back={{ href: "/admin/units", name: "单位管理" }} title={unit.name} isNarrow>
      {unit.retiredAt && (
        <p className="notice notice--warning" role="status">
          本单位已停用：已公开的报告仍在网站上，不再参加新的年度报告。
        </p>
      )}
      <h2>名称、类型和代码</h2>
      <UnitForm
        key={unit.updatedAt.toISOString()}
        mode={{ kind: "update", unitId: unit.id, updatedAt: unit.updatedAt.toISOString() }}
        initial={{
          name: unit.name,
          kind: unit.kind,
          parentId: unit.parentId ?? "",
          divisionCode: unit.divisionCode ?? "",
          creditCode: unit.creditCode ?? "",
        }}
        kinds={unit.kind === "COUNTY" ? ["COUNTY"] : unitKindsBelowCounty}
      />
      {unit.kind !== "COUNTY" && (
        <>
          <h2>移动到其他上级单位</h2>
          <MoveUnitForm unitId={unit.id} currentParentId={unit.parentId} targets={targets} />
        </>
      )}
      <h2>{unit.retiredAt ? "恢复" : "停用"}</h2>
      <RetireUnitButton unitId={unit.id} unitName={unit.name} isRetired={unit.retiredAt !== null} />
    </StaffPageLayout>
  );
}
