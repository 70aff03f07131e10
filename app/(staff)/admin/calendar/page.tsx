import type { Metadata } from "next";
import { NamedOptions, YearOptions } from "@/components/ui/named-options";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";
import { notFound } from "next/navigation";
import { reportingCalendarOf } from "@/lib/organizations/get-reporting-calendar";
import { repetitionThresholdOf } from "@/lib/organizations/get-repetition-threshold";
import { listUnitTree } from "@/lib/organizations/list-unit-tree";
import { reportingYear } from "@/lib/reports/reporting-year";
import { authorize } from "@/lib/server/authorize";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import { loadStaffPage } from "@/lib/server/page-guard";
import { CalendarForm } from "./calendar-form";
import { RepetitionThresholdForm } from "./repetition-threshold-form";

export const metadata: Metadata = { title: "报告期设置" };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ county?: string; year?: string }>;
}) {
  const params = await searchParams;
  const current = reportingYear(new Date());
  const year =
    Number.isInteger(Number(params.year)) && Math.abs(Number(params.year) - current) <= 5
      ? Number(params.year)
      : current;
  const { counties, calendar, threshold } = await loadStaffPage({
    page: "/admin/calendar",
    action: "calendar.manage",
    authorize: async ({ actor }) => {
      const counties = (await listUnitTree(actor))
        .filter((root) => root.kind === "COUNTY")
        .map((county) => ({ id: county.id, name: county.name }));
      const county = counties.find((candidate) => candidate.id === params.county) ?? counties[0];
      if (!county) notFound();
      const scope = await loadOrganizationScope(county.id);
      authorize(actor, "calendar.manage", scope);
      authorize(actor, "county.configure", scope);
      return {
        counties,
        calendar: (await reportingCalendarOf(county.id, year))!,
        threshold: await repetitionThresholdOf(county.id),
      };
    },
  });
  return (
    <StaffPageLayout
      back={{ href: "/admin", name: "系统管理" }}
      title="报告期设置"
      lead="每个县（区）、每个报告年度的填报和公布时间。未设置时按默认：当年 12 月 1 日开始填写；乡镇（街道）和县直部门于次年 1 月 31 日前公布（《政府信息公开条例》第四十九条）；县政府于次年 3 月 31 日前公布。"
      isNarrow
    >
      <form method="get" className="field" aria-label="选择县（区）和年度">
        {counties.length > 1 && (
          <>
            <label htmlFor="calendar-county">县（区）</label>
            <select id="calendar-county" name="county" className="input" defaultValue={calendar.countyId}>
              <NamedOptions items={counties} />
            </select>
          </>
        )}
        <label htmlFor="calendar-year">报告年度</label>
        <select id="calendar-year" name="year" className="input" defaultValue={year}>
          <YearOptions years={[current + 1, current, current - 1, current - 2]} />
        </select>{" "}
        <button className="button button--secondary" type="submit">
          查看
        </button>
      </form>
      <h2>
        {calendar.countyName} {calendar.year} 年度
        {calendar.isDefault && <span className="muted">（尚未设置，显示默认日期）</span>}
      </h2>
      <CalendarForm key={`${calendar.countyId}-${calendar.year}`} calendar={calendar} />
      <h2>{calendar.countyName} 雷同提示</h2>
      <p data-testid="repetition-threshold">
        当前：超过 {threshold.percent}% 时提示
        {threshold.countySetting === null && <span className="muted">（默认）</span>}
      </p>
      <RepetitionThresholdForm key={calendar.countyId} countyId={calendar.countyId} threshold={threshold} />
    </StaffPageLayout>
  );
}
