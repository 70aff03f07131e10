/**
 * The body's name and the year from the report's title, as pages print it. Through
 * readReportText, so the lines are prepared as for any upload.
 */
import { describe, expect, it } from "vitest";
import { readReportText } from "./read-report-text";

const body = "一、总体情况\n本年度工作正常开展。\n二、主动公开政府信息情况\n";

describe("the title", () => {
  it("drops the page's field label before the title (标题：, 名称：)", () => {
    for (const label of ["标题：", "名称:"]) {
      const r = readReportText(`${label}沭阳县发展和改革局2023年政府信息公开年度报告\n${body}`);
      expect([label, r.organizationName, r.year]).toEqual([label, "沭阳县发展和改革局", 2023]);
    }
  });

  it("keeps a name that merely begins with the same characters", () => {
    const r = readReportText(`名称镇人民政府2023年政府信息公开工作年度报告\n${body}`);
    expect(r.organizationName).toBe("名称镇人民政府");
  });
});
