import { describe, expect, it } from "vitest";
import type { TrendChart } from "../view-trends";
import { chartSizes, renderTrendChart } from "./render-trend-chart";

const chart: TrendChart = {
  id: "requests",
  title: "政府信息公开申请数量",
  years: [2019, 2020, 2021],
  series: [
    { key: "requests.received", label: "本年新收申请", values: [137, null, 2468] },
    { key: "requests.carriedOver", label: "上年结转申请", values: [5, 11, 0] },
  ],
};

describe("renderTrendChart", () => {
  it.each(Object.entries(chartSizes))(
    "draws an SVG with a viewBox, the years, the series and their values (%s)",
    (_name, size) => {
      const svg = renderTrendChart(chart, size);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
      expect(svg).toContain(`viewBox="0 0 ${size.width} ${size.height}"`);
      for (const text of ["2019年", "2020年", "2021年", "本年新收申请", "上年结转申请", "137", "2468", "11"]) {
        expect(svg).toContain(`>${text}</text>`);
      }
      expect(svg).toContain("PingFang SC");
      expect(svg).not.toContain("<script");
    },
  );

  it("leaves a gap where a year has no figure, not a zero", () => {
    const drawn = (values: (number | null)[]) =>
      renderTrendChart(
        { ...chart, series: [{ key: "requests.received", label: "本年新收申请", values }] },
        chartSizes.wide,
      );
    const zeros = (svg: string) => svg.match(/>0<\/text>/g)?.length ?? 0;
    // The axis prints 0 either way; a reported 0 adds a point label, a missing figure none.
    expect(zeros(drawn([137, 0, 2468]))).toBe(zeros(drawn([137, null, 2468])) + 1);
  });
});
