/**
 * Generated reports that push the PDF layout where real ones rarely go: very
 * long narratives (paragraphs longer than a page, web addresses, long
 * numbers, Latin words), every table cell at its largest value, and many
 * short sections (one-line paragraphs and authors' numbered headings one
 * after the other). Deterministic: a seeded generator, so a failing page can
 * be rendered again. For tests and the bench.
 */
import { compileLayout, getLayout, type Layout, type LayoutId, type NarrativeId } from "@/lib/template";
import type { ReportData } from "@/lib/report-data";

/** A small deterministic generator (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLAUSES = [
  "坚持以公开为常态、不公开为例外",
  "围绕群众关注的热点难点问题",
  "依托政府门户网站主动公开政府信息3470条",
  "按照《中华人民共和国政府信息公开条例》的规定",
  "访问量140万余人次",
  "落实“三审三校”要求",
  "办结率100%，无超时办结件",
  "通过“12345”政府服务热线受理群众诉求181件",
  "在https://www.gov.cn/zhengce/xxgk/index.htm?id=2023&page=12公开",
  "统计期限自2023年1月1日起至2023年12月31日止",
  "年度预算资金123456789.1234万元",
  "推进GB/T 9704-2012规定的公文格式",
  "其中行政规范性文件（含政策解读）13件",
  "及时更新“新风王乐井”微信公众号",
  "规范政府信息公开专栏设置",
];

function sentence(next: () => number, clauses: number): string {
  const parts: string[] = [];
  for (let i = 0; i < clauses; i += 1) parts.push(CLAUSES[Math.floor(next() * CLAUSES.length)]!);
  return `${parts.join("，")}。`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next, 2 + Math.floor(next() * 4))).join("");
}

/** Every narrative field very long: several paragraphs, one longer than a page. */
function longNarrative(layout: Layout, next: () => number): { [id in NarrativeId]?: string } {
  const out: { [id in NarrativeId]?: string } = {};
  for (const field of compileLayout(layout).narrativeFields) {
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
      paragraph(next, 1 + Math.floor(next() * 6)),
    );
    paragraphs.splice(1, 0, paragraph(next, 28));
    out[field.id] = paragraphs.join("\n");
  }
  return out;
}

/** Many short sections: one-line paragraphs and numbered headings, chained. */
function shortSections(layout: Layout, next: () => number): { [id in NarrativeId]?: string } {
  const numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  const out: { [id in NarrativeId]?: string } = {};
  for (const field of compileLayout(layout).narrativeFields) {
    const lines: string[] = [];
    const count = 4 + Math.floor(next() * 7);
    for (let i = 0; i < count; i += 1) {
      lines.push(`（${numbers[i % numbers.length]}）${CLAUSES[Math.floor(next() * CLAUSES.length)]!.slice(0, 12)}`);
      const short = Math.floor(next() * 3);
      for (let j = 0; j <= short; j += 1) lines.push(sentence(next, 1 + Math.floor(next() * 3)));
      if (next() < 0.3) lines.push(`${i + 1}.${CLAUSES[Math.floor(next() * CLAUSES.length)]!.slice(0, 8)}`);
    }
    out[field.id] = lines.join("\n");
  }
  return out;
}

/** The largest value each cell takes (|v| ≤ 10^9; money with four decimals). */
function maximalCells(layout: Layout): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const cell of compileLayout(layout).cells) {
    cells[cell.id] =
      cell.type === "money" ? 999_999_999.9999 : cell.type === "signedCount" ? -1_000_000_000 : 1_000_000_000;
  }
  return cells;
}

export interface StressReport {
  readonly id: string;
  readonly layoutId: LayoutId;
  readonly organizationName: string;
  readonly year: number;
  readonly data: ReportData;
}

export function stressReports(): StressReport[] {
  const reports: StressReport[] = [];
  const add = (
    id: string,
    layoutId: LayoutId,
    organizationName: string,
    year: number,
    build: (layout: Layout) => Omit<ReportData, "meta">,
  ) => {
    const layout = getLayout(layoutId);
    reports.push({
      id,
      layoutId,
      organizationName,
      year,
      data: { ...build(layout), meta: { organizationName, year } },
    });
  };
  for (const [i, layoutId] of (["gov-2021", "gov-2019"] as const).entries()) {
    const year = layoutId === "gov-2021" ? 2024 : 2020;
    add(`long-narrative-${layoutId}`, layoutId, "阳城县董封乡人民政府", year, (layout) => ({
      cells: maximalCells(layout),
      narrative: longNarrative(layout, seededRandom(11 + i)),
    }));
    add(`short-sections-${layoutId}`, layoutId, "宽城满族自治县人民政府办公室", year, (layout) => ({
      cells: Object.fromEntries(compileLayout(layout).cells.map((cell, n) => [cell.id, n % 7])),
      narrative: shortSections(layout, seededRandom(23 + i)),
    }));
  }
  for (const seed of [3, 5, 8]) {
    add(`short-sections-gov-2021-${seed}`, "gov-2021", "盐池县王乐井乡人民政府", 2025, (layout) => ({
      cells: maximalCells(layout),
      narrative: shortSections(layout, seededRandom(seed * 101)),
    }));
  }
  add(
    "long-name-gov-2021",
    "gov-2021",
    "某某自治州某某县某某经济技术开发区管理委员会社会事务服务中心",
    2025,
    (layout) => ({
      cells: maximalCells(layout),
      narrative: longNarrative(layout, seededRandom(97)),
    }),
  );
  return reports;
}
