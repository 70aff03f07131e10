/**
 * One chart of the trends view as an SVG string, drawn by Apache ECharts' server-side renderer
 * (no DOM, no script in the page). A plain function of the view: the figures are the ones the
 * data table beside the chart prints.
 *
 * Readable on a phone: the SVG carries a viewBox (the page scales it to its width), and the
 * page offers two sizes — a narrow one drawn for a phone's width, whose 14 px text stays
 * legible without zooming, and a wide one — and shows one per screen width (trends.css). The
 * text uses the fonts the site's own pages ask for (app/globals.css), which the reader's
 * system has; ECharts' default would be a Latin sans-serif.
 */
import * as echarts from "echarts/core";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { TrendChart } from "../view-trends";

echarts.use([LineChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART_FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export type ChartSize = { readonly width: number; readonly height: number; readonly fontSize: number };

export const chartSizes = {
  narrow: { width: 360, height: 340, fontSize: 14 },
  wide: { width: 720, height: 380, fontSize: 14 },
} as const satisfies Record<string, ChartSize>;

/** A colour-blind-safe palette (Okabe–Ito), so series are told apart by more readers. */
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

export function renderTrendChart(chart: TrendChart, size: ChartSize): string {
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    const isNarrow = size.width < 480;
    instance.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: size.fontSize },
      legend: {
        bottom: 0,
        left: "center",
        itemGap: isNarrow ? 8 : 16,
        textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: size.fontSize, color: "#1b1b1b" },
      },
      grid: {
        left: 8,
        right: isNarrow ? 12 : 24,
        top: 28,
        // Room for a legend that wraps onto several lines on a narrow chart.
        bottom: isNarrow ? 40 + 22 * Math.ceil(chart.series.length / 2) : 64,
        containLabel: true,
      },
      xAxis: {
        type: "category",
        data: chart.years.map((year) => `${year}年`),
        boundaryGap: true,
        axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: size.fontSize, color: "#1b1b1b" },
      },
      yAxis: {
        type: "value",
        minInterval: 1,
        axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: size.fontSize, color: "#1b1b1b" },
      },
      series: chart.series.map((series) => ({
        type: "line",
        name: series.label,
        data: [...series.values],
        // A year with no figure is a gap in the line, not a dip to zero.
        connectNulls: false,
        symbolSize: 8,
        // Close figures of several series would print over each other: the table has them all.
        labelLayout: { hideOverlap: true },
        label: {
          show: true,
          position: "top",
          color: "#1b1b1b",
          fontFamily: CHART_FONT_FAMILY,
          fontSize: size.fontSize - 2,
        },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
