/**
 * The command line's readable report, zh-CN: per file the layout, year and
 * body, what the reader could not read, and the rule engine's findings.
 */
import { organizationKinds } from "../report-data";
import { getLayout } from "../template";
import type { CheckRun, FileCheck } from "./check-files";
import type { ReportSource } from "./types";

const sourceNames: Record<ReportSource, string> = {
  text: "纯文本",
  html: "网页（HTML）",
  docx: "Word 文档（.docx）",
  pdf: "PDF 文件",
};

const RULE = "─".repeat(60);

function formatFile(check: FileCheck): string[] {
  const { reading, findings } = check;
  const out = [RULE, `文件：${check.file}`];
  if (reading.status !== "read") {
    out.push(reading.status === "refused" ? "结果：无法读取" : "结果：不是年度报告");
    for (const p of reading.problems) out.push(`  ${p.message}`);
    return out;
  }
  const layout = getLayout(reading.layoutId);
  const cellCount = Object.values(reading.data.cells).filter((v) => v !== null && v !== undefined).length;
  const totalCells = layout.sections.reduce(
    (n, s) => n + (s.kind === "table" ? s.grids.reduce((m, g) => m + g.cells.length, 0) : 0),
    0,
  );
  const kind = reading.organizationKind
    ? `（${organizationKinds[reading.organizationKind].noun}）`
    : reading.organizationName
      ? "（名称看不出机关类型，未做与类型有关的校验；可用 --kind 指定：乡、镇、街道、县、部门）"
      : "";
  const { periodStart, periodEnd } = reading.data.meta;
  out.push(
    `机关：${reading.organizationName || "（未读出）"}${kind}`,
    `年度：${reading.year ?? "（未读出）"}    格式：${layout.id}（${layout.basis}）    来源：${sourceNames[reading.source]}`,
    `统计期限：${periodStart && periodEnd ? `${periodStart} 至 ${periodEnd}` : "（未读出）"}    表格数据：读到 ${cellCount} / ${totalCells} 项`,
  );
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  out.push("", `读取时发现的问题（${reading.problems.length}）：`);
  if (reading.problems.length === 0) out.push("  无");
  for (const p of reading.problems)
    out.push(`  [${p.severity === "error" ? "缺失" : "提示"}] ${p.message}  〔${p.place}〕`);
  out.push("", `校验结果：${errors.length} 个错误，${warnings.length} 个警告`);
  if (findings.length === 0) out.push("  未发现问题");
  for (const f of [...errors, ...warnings]) {
    out.push(
      `  [${f.severity === "error" ? "错误" : "警告"}] ${f.message}  〔${f.ruleId}${f.cellIds[0] ? ` · ${f.cellIds[0]}` : ""}〕`,
    );
  }
  return out;
}

export function formatCheckRun(run: CheckRun): string {
  const lines = run.files.flatMap(formatFile);
  const unreadable = run.files.filter((f) => f.reading.status !== "read").length;
  const withErrors = run.files.filter(
    (f) =>
      f.reading.status === "read" &&
      (f.findings.some((x) => x.severity === "error") || f.reading.problems.some((p) => p.severity === "error")),
  ).length;
  lines.push(RULE, `共 ${run.files.length} 个文件：${withErrors} 个有错误，${unreadable} 个无法读取。`);
  return `${lines.join("\n")}\n`;
}
