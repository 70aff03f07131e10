/**
 * The scorer on real readings: a report written as a CMS page (fixtures/import) and read by
 * the HTML reader, checked by the rule engine, compared with labels that are right, wrong or
 * silent about a defect.
 */
import { describe, expect, it } from "vitest";
import { writeReportHtmlTable } from "../../../fixtures/import/write-report-html-table";
import type { ReportData } from "../../report-data";
import { evaluateReport } from "../../rules";
import { zeroReport } from "../../rules/test-support";
import { compileLayout, getLayout } from "../../template";
import { readReportHtml } from "../read-report-html";
import { parseCorpusLabel, type CorpusLabel } from "./corpus-label";
import { meetsAims, scoreReading, totalScores } from "./score-reading";

const layout = getLayout("gov-2021");
const compiled = compileLayout(layout);

/** A label of every cell of `data`, written from the data the page was made from. */
function labelOf(data: ReportData, overrides: Partial<CorpusLabel> = {}): CorpusLabel {
  const tables: Record<string, Record<string, (number | null)[]>> = {};
  for (const cell of compiled.cells) {
    const grid = (tables[cell.gridId] ??= {});
    (grid[cell.row] ??= []).push(data.cells[cell.id] ?? null);
  }
  const parsed = parseCorpusLabel({
    file: "report.html",
    title: `${data.meta.organizationName}${data.meta.year}年政府信息公开工作年度报告`,
    organization: data.meta.organizationName,
    organizationKind: "DEPARTMENT",
    year: data.meta.year,
    layoutId: "gov-2021",
    tables,
    ...overrides,
  });
  if (!parsed.ok) throw new Error(parsed.issues.join("; "));
  return parsed.value;
}

function readAndCheck(data: ReportData) {
  const reading = readReportHtml(writeReportHtmlTable(layout, data));
  const findings = evaluateReport({ data: reading.data, layout });
  return { reading, findings };
}

const clean = zeroReport("gov-2021", 2023);

describe("scoreReading", () => {
  it("scores a clean report read right as every cell right, nothing missed, no false alarm", () => {
    const { reading, findings } = readAndCheck(clean);
    const score = scoreReading(labelOf(clean), reading, findings);
    expect(score.cellsLabelled).toBe(compiled.cells.length);
    expect(score.cellsRight).toBe(compiled.cells.length);
    expect(score.falseAlarms).toEqual([]);
    expect(score.right).toEqual({ layout: true, year: true, organization: true, kind: true });
    expect(meetsAims(totalScores([score]))).toBe(true);
  });

  it("counts a cell the label says otherwise as a miss, with both values", () => {
    const { reading, findings } = readAndCheck(clean);
    const label = labelOf({ ...clean, cells: { ...clean.cells, "t3.r1.natural": 5 } });
    const score = scoreReading(label, reading, findings);
    expect(score.cellMisses).toEqual([{ cellId: "t3.r1.natural", expected: 5, actual: 0 }]);
    expect(score.cellsRight).toBe(score.cellsLabelled - 1);
  });

  it("counts an error the label does not list as a false alarm, and a listed defect as found", () => {
    const broken: ReportData = { ...clean, cells: { ...clean.cells, "t3.r1.natural": 3 } };
    const { reading, findings } = readAndCheck(broken);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);

    const silent = scoreReading(labelOf(broken), reading, findings);
    expect(silent.falseAlarms.map((a) => a.id).sort()).toEqual(errors.map((f) => f.ruleId).sort());

    const ruleIds = [...new Set(errors.map((f) => f.ruleId))];
    const labelled = labelOf(broken, {
      defects: [
        {
          kind: "arithmetic",
          description: "自然人一列新收 3 件，办理结果和结转合计 0 件",
          accepts: ruleIds,
          places: ["t3.r1.natural", "t3.r3_7.natural", "t3.r1.total"],
        },
      ],
    });
    const found = scoreReading(labelled, reading, findings);
    expect(found.defectsFound).toBe(1);
    expect(found.falseAlarms.filter((a) => a.places.some((p) => p.startsWith("t3.")))).toEqual([]);
  });

  it("counts a labelled defect no finding names as missed", () => {
    const { reading, findings } = readAndCheck(clean);
    const label = labelOf(clean, {
      defects: [{ kind: "arithmetic", description: "表三总计不符", accepts: ["t3."], places: ["t3.r3_7"] }],
    });
    const score = scoreReading(label, reading, findings);
    expect(score.defectsFound).toBe(0);
    expect(score.missedDefects).toHaveLength(1);
    expect(meetsAims(totalScores([score]))).toBe(false);
  });

  it("counts no cell of a file that was not read as right, not even its blank ones", () => {
    const reading = readReportHtml("<p>本页面暂无内容</p>");
    expect(reading.status).not.toBe("read");
    const score = scoreReading(labelOf(clean), reading, []);
    expect(score.cellsRight).toBe(0);
    expect(score.falseAlarms.map((a) => a.id)).toEqual(reading.problems.map((p) => p.code));
  });
});
