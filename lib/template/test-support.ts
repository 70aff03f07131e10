/**
 * Expected wording shared by the layout tests, transcribed independently
 * from the printed national templates (国办公开办函〔2021〕30号 and
 * 〔2019〕60号), not from parts.ts, so a typo there cannot be copied into its
 * own test.
 */
import { expect } from "vitest";
import { compileLayout } from "./compile-layout";
import { leafNodes } from "./define-layout";
import type { Grid, HeaderNode, Layout, TableSection } from "./types";

export const expectedT3Rows2021 = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];

export const expectedT3Groups = ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"];

export const expectedT3Columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

export const expectedT4Headers = [
  "行政复议",
  "行政诉讼",
  "未经复议直接起诉",
  "复议后起诉",
  "结果维持",
  "结果纠正",
  "其他结果",
  "尚未审结",
  "总计",
];

export function table(layout: Layout, id: TableSection["id"]): TableSection {
  const section = layout.sections.find((s): s is TableSection => s.kind === "table" && s.id === id);
  if (!section) throw new Error(`no table ${id}`);
  return section;
}

export function onlyGrid(section: TableSection): Grid {
  const grid = section.grids[0];
  if (!grid || section.grids.length !== 1) throw new Error(`table ${section.id} should have one grid`);
  return grid;
}

export function allLabels(nodes: readonly HeaderNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly HeaderNode[]): void => {
    for (const n of list) {
      out.push(n.label);
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export const leafLabels = (nodes: readonly HeaderNode[]): string[] => leafNodes(nodes).map((n) => n.label);

/** The layout's cells: `count` of them, each id unique and of the layout's documented scheme. */
export function expectCellIds(layout: Layout, count: number, scheme: RegExp): void {
  const ids = compileLayout(layout).cells.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(count);
  for (const id of ids) expect(id).toMatch(scheme);
}
