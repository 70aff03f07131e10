import { describe, expect, it } from "vitest";
import { getLayout } from "../template";
import { placeLabel } from "./place-label";

describe("placeLabel", () => {
  const layout = getLayout("gov-2021");
  it.each([
    ["file", "整个文件"],
    ["meta.periodStart", "统计期限"],
    ["t4", "四、政府信息公开行政复议、行政诉讼情况"],
    ["s5", "五、存在的主要问题及改进情况"],
    ["s1.active", "一、总体情况·（一）主动公开"],
    ["t3.r3_7", "三、收到和处理政府信息公开申请情况·（七）总计"],
    ["t3.r3_7.total", "三、收到和处理政府信息公开申请情况·（七）总计·总计"],
    ["t3.r3_5_1", "三、收到和处理政府信息公开申请情况·（五）不予处理·1.信访举报投诉类申请"],
    ["unknown.place", "unknown.place"],
  ])("%s → %s", (place, label) => {
    expect(placeLabel(layout, place)).toBe(label);
  });
});
