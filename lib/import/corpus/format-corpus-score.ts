/** `npm run check -- --score <dir>`'s text: per entry and in total, zh-CN. */
import { CORPUS_AIMS, meetsAims } from "./score-reading";
import type { CorpusScore } from "./score-corpus";

const percent = (right: number, of: number): string => (of === 0 ? "—" : `${((right / of) * 100).toFixed(1)}%`);
const shown = (v: number | null): string => (v === null ? "空" : String(v));
/** Enough misses to see the pattern without flooding the terminal. */
const MAX_LISTED = 12;

/** Counts by what went wrong, for the reader's owners: cells by table and source, alarms and missed defects by id and kind. */
function missesByKind(run: CorpusScore): string[] {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const e of run.entries) {
    for (const m of e.score.cellMisses) add(`读错 ${e.reading.source} ${m.cellId.split(".")[0]}`);
    for (const f of e.score.falseAlarms) add(`误报 ${f.id}`);
    for (const d of e.score.missedDefects) add(`未发现 ${d.kind}`);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`);
}

export function formatCorpusScore(run: CorpusScore): string {
  const out: string[] = [];
  for (const e of run.entries) {
    const s = e.score;
    const meta = [
      s.right.layout ? null : `格式读为 ${e.reading.layoutId}（应为 ${e.label.layoutId}）`,
      s.right.year ? null : `年度读为 ${e.reading.year ?? "无"}（应为 ${e.label.year}）`,
      s.right.organization ? null : `机关读为「${e.reading.organizationName}」（应为「${e.label.organization}」）`,
      s.right.kind ? null : `机关类型读为 ${s.readKind ?? "未知"}（应为 ${e.label.organizationKind ?? "未知"}）`,
    ].filter((x): x is string => x !== null);
    out.push(`${e.entry}  ${e.label.organization} ${e.label.year} ${e.label.layoutId}（${e.reading.source}）`);
    out.push(
      `  数据项 ${s.cellsRight}/${s.cellsLabelled} 读对（${percent(s.cellsRight, s.cellsLabelled)}）；` +
        `缺陷 ${s.defectsFound}/${s.defectsLabelled} 发现；误报 ${s.falseAlarms.length}`,
    );
    if (meta.length > 0) out.push(`  ${meta.join("；")}`);
    for (const m of s.cellMisses.slice(0, MAX_LISTED))
      out.push(`  读错 ${m.cellId}：应为 ${shown(m.expected)}，读出 ${shown(m.actual)}`);
    if (s.cellMisses.length > MAX_LISTED) out.push(`  ……另有 ${s.cellMisses.length - MAX_LISTED} 个数据项读错`);
    for (const d of s.missedDefects) out.push(`  未发现的缺陷（${d.kind}）：${d.description}`);
    for (const f of s.falseAlarms) out.push(`  误报 ${f.id}（${f.places.join("、")}）：${f.message}`);
  }
  const t = run.totals;
  out.push("");
  const byKind = missesByKind(run);
  if (byKind.length > 0) out.push(`按类别：${byKind.join("；")}`);
  out.push(
    `合计 ${t.entries} 个文件：数据项 ${t.cellsRight}/${t.cellsLabelled} 读对（${percent(t.cellsRight, t.cellsLabelled)}）；` +
      `缺陷 ${t.defectsFound}/${t.defectsLabelled} 发现；误报 ${t.falseAlarms}`,
  );
  out.push(
    meetsAims(t)
      ? "达到目标。"
      : `未达到目标（数据项至少 ${CORPUS_AIMS.cellShare * 100}% 读对，标注的缺陷全部发现，没有误报）。`,
  );
  return `${out.join("\n")}\n`;
}
