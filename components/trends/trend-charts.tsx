import { chartSizes, renderTrendChart } from "@/lib/render/chart/render-trend-chart";
import type { TrendChart, TrendView } from "@/lib/render/view-trends";
import { MISSING_VALUE_TEXT } from "@/lib/format/format-cell-value";
import "./trends.css";

function figureText(value: number | null): string {
  return value === null ? MISSING_VALUE_TEXT : String(value);
}

/**
 * One chart and its data table beside it: the table carries the same figures for screen
 * readers and for copying, so the drawing itself is hidden from assistive technology.
 */
function TrendChartSection({ chart, reportCounts }: { chart: TrendChart; reportCounts: readonly number[] | null }) {
  const headingId = `trend-${chart.id}`;
  return (
    <section className="trend" aria-labelledby={headingId} data-testid={`trend-${chart.id}`}>
      <h2 id={headingId}>{chart.title}</h2>
      <div className="trend__body">
        <div className="trend__chart" aria-hidden="true">
          {/* ECharts' server-side SVG (lib/render/chart): figures and labels only, no script. */}
          <div
            className="trend__svg trend__svg--narrow"
            dangerouslySetInnerHTML={{ __html: renderTrendChart(chart, chartSizes.narrow) }}
          />
          <div
            className="trend__svg trend__svg--wide"
            dangerouslySetInnerHTML={{ __html: renderTrendChart(chart, chartSizes.wide) }}
          />
        </div>
        <div className="trend__table">
          <table className="table" data-testid={`trend-table-${chart.id}`}>
            <caption>{chart.title}（数据表，单位：件）</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                {chart.series.map((series) => (
                  <th key={series.key} scope="col">
                    {series.label}
                  </th>
                ))}
                {reportCounts && <th scope="col">计入报告数</th>}
              </tr>
            </thead>
            <tbody>
              {chart.years.map((year, index) => (
                <tr key={year} data-year={year}>
                  <th scope="row">{year}年</th>
                  {chart.series.map((series) => (
                    <td key={series.key}>{figureText(series.values[index] ?? null)}</td>
                  ))}
                  {reportCounts && <td>{reportCounts[index] ?? 0}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** Every chart of a trends view; `showReportCounts` for a county, whose years add up several units. */
export function TrendCharts({ view, showReportCounts }: { view: TrendView; showReportCounts: boolean }) {
  if (view.charts.length === 0) return <p>没有可以比较的数据。</p>;
  return (
    <div className="trends">
      <p className="muted">
        “{MISSING_VALUE_TEXT}”表示该年度没有报告，或报告中没有这一数字（例如2019年版格式没有“现行有效件数”）。
      </p>
      {view.charts.map((chart) => (
        <TrendChartSection key={chart.id} chart={chart} reportCounts={showReportCounts ? view.reportCounts : null} />
      ))}
    </div>
  );
}
