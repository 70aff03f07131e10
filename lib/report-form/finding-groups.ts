/**
 * The final check's overview: the problems of the report grouped per step and per kind of
 * finding (“表三有 25 行未填写（共 120 格）”, “表四有 3 处合计不符”), each group opening at its
 * first field. The kind comes from the rule that made the finding (the engine's rules and
 * the layout's, matched by id), so no row or column is named here; the words per kind are
 * a mapped type over every rule kind, so a new kind cannot be left without them.
 */
import { engineRules, type Rule, type RuleKind } from "@/lib/rules";
import { compileLayout, type Layout } from "@/lib/template";
import type { SummaryItem } from "./issue-store";
import { CHECK_STEP_ID, wizardSteps } from "./steps";

/** What a group counts: findings (处), rows with blank cells, or narrative parts. */
interface GroupWording {
  readonly unit: "处" | "行" | "部分" | "格";
  readonly what: string;
}

const wordingByKind: { readonly [K in RuleKind]: GroupWording } = {
  completeness: { unit: "行", what: "未填写" },
  narrativeRequired: { unit: "部分", what: "未填写" },
  cellTypes: { unit: "格", what: "不是有效的数字" },
  sumRows: { unit: "处", what: "合计不符" },
  sumColumns: { unit: "处", what: "合计不符" },
  balance: { unit: "处", what: "勾稽关系不符" },
  carryOver: { unit: "处", what: "与上年度报告不衔接" },
  stockBound: { unit: "处", what: "与上年度数据不符" },
  narrativeFigure: { unit: "处", what: "文字所写数字与表格不一致" },
  duplicateHeading: { unit: "处", what: "正文重复了标题" },
  period: { unit: "处", what: "统计期限有误" },
  organizationName: { unit: "处", what: "机关名称不一致" },
  kindWord: { unit: "处", what: "机关称谓不符" },
  textMarkup: { unit: "处", what: "文字中有不应印出的符号" },
  countySummary: { unit: "处", what: "与全县汇总不符" },
};

/** Entries the form refused have no rule: the same words as the type check. */
const entryWording: GroupWording = { unit: "格", what: "填写的不是有效的数字" };

export interface FindingGroup {
  readonly key: string;
  readonly stepId: string;
  /** “表三有 25 行未填写（共 120 格）”. */
  readonly text: string;
  /** The first field of the group in reading order; null when no item names one. */
  readonly fieldId: string | null;
  readonly items: readonly SummaryItem[];
}

const rulesCache = new WeakMap<Layout, readonly Rule[]>();

/** The rule whose findings carry this id: the rule's own id, or it followed by `.<detail>`; the longest match. */
export function ruleOfFinding(layout: Layout, ruleId: string): Rule | undefined {
  let rules = rulesCache.get(layout);
  if (!rules) {
    rules = [...engineRules, ...layout.rules];
    rulesCache.set(layout, rules);
  }
  let best: Rule | undefined;
  for (const rule of rules) {
    if (ruleId !== rule.id && !ruleId.startsWith(`${rule.id}.`)) continue;
    if (!best || rule.id.length > best.id.length) best = rule;
  }
  return best;
}

/** How the overview names a step: 表三 for a table, its heading for a text. */
function stepName(layout: Layout, stepId: string): string {
  const step = wizardSteps(layout).find((s) => s.id === stepId);
  if (!step || step.id === CHECK_STEP_ID || !step.section) return "报告";
  return step.section.kind === "table" ? `表${step.section.number}` : step.section.heading;
}

/** How many the items cover: rows with a blank cell (and how many cells), or items. */
function countOf(
  layout: Layout,
  unit: GroupWording["unit"],
  items: readonly SummaryItem[],
): { n: number; cells: number } {
  if (unit !== "行") return { n: items.length, cells: 0 };
  const compiled = compileLayout(layout);
  const rows = new Set<string>();
  let cells = 0;
  for (const item of items) {
    for (const id of item.finding?.cellIds ?? []) {
      const cell = compiled.cell(id);
      // A missing total is not the clerk's to type: only the cells they fill in count.
      if (!cell || cell.total) continue;
      rows.add(`${cell.gridId}.${cell.row}`);
      cells += 1;
    }
  }
  return { n: rows.size, cells };
}

/** The items grouped per step and kind, groups in the order of their first item. */
export function groupFindings(layout: Layout, items: readonly SummaryItem[]): readonly FindingGroup[] {
  const groups = new Map<string, { stepId: string; wording: GroupWording; items: SummaryItem[] }>();
  for (const item of items) {
    const kind = item.finding ? ruleOfFinding(layout, item.finding.ruleId)?.kind : undefined;
    const wording = item.finding ? (kind ? wordingByKind[kind] : null) : entryWording;
    // A finding of a rule the layout does not know (none today) stays a group of its own.
    const key = `${item.stepId}|${kind ?? (item.finding ? item.finding.ruleId : "entry")}`;
    const group = groups.get(key) ?? {
      stepId: item.stepId,
      wording: wording ?? { unit: "处", what: "问题" },
      items: [],
    };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups].map(([key, group]) => {
    const { n, cells } = countOf(layout, group.wording.unit, group.items);
    const extra = cells > n ? `（共 ${cells} 格）` : "";
    return {
      key,
      stepId: group.stepId,
      text: `${stepName(layout, group.stepId)}有 ${n} ${group.wording.unit}${group.wording.what}${extra}`,
      fieldId: group.items.find((item) => item.fieldId !== null)?.fieldId ?? null,
      items: group.items,
    };
  });
}
