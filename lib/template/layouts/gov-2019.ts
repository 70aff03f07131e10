/**
 * gov-2019: the format (试行) issued with 国办公开办函〔2019〕60号, used for
 * report years 2019 and 2020. Table 二 differs from gov-2021 (project
 * counts with a signed 本年增/减, and 政府集中采购); tables 三 and 四 match
 * except that （六）其他处理 is a single row.
 */
import { defineGrid, defineLayout, leaf, type CellFormat } from "../define-layout";
import {
  applicationsTable,
  narrativeFigureRules,
  otherHandlingSingle,
  otherMattersSection,
  problemsSection,
  reviewsTable,
} from "../parts";
import type { Layout, TableSection } from "../types";

const stub = "信息内容";
const t2Cell = (row: string, column: string): string => `t2.${row}.${column}`;
const prevItems = leaf("prevItems", "上一年项目数量");
const change = leaf("change", "本年增/减");
const decisions = leaf("decisions", "处理决定数量");
const projectColumns = [prevItems, change, decisions];
/** 本年增/减 is the only signed figure of the national formats. */
const projectCellFormat = (_row: string, column: string): CellFormat => ({
  type: column === "change" ? "signedCount" : "count",
});

const proactiveTable: TableSection = {
  kind: "table",
  id: "t2",
  number: "二",
  heading: "二、主动公开政府信息情况",
  grids: [
    defineGrid({
      id: "t2.item1",
      title: "第二十条第（一）项",
      stubHeader: stub,
      columns: [leaf("made", "本年新制作数量"), leaf("published", "本年新公开数量"), leaf("total", "对外公开总数量")],
      rows: [leaf("rules", "规章"), leaf("normative", "规范性文件")],
      cellId: t2Cell,
    }),
    defineGrid({
      id: "t2.item5",
      title: "第二十条第（五）项",
      stubHeader: stub,
      columns: projectColumns,
      rows: [leaf("licensing", "行政许可"), leaf("otherServices", "其他对外管理服务事项")],
      cellId: t2Cell,
      cellFormat: projectCellFormat,
    }),
    defineGrid({
      id: "t2.item6",
      title: "第二十条第（六）项",
      stubHeader: stub,
      columns: projectColumns,
      rows: [leaf("penalty", "行政处罚"), leaf("enforcement", "行政强制")],
      cellId: t2Cell,
      cellFormat: projectCellFormat,
    }),
    defineGrid({
      id: "t2.item8",
      title: "第二十条第（八）项",
      stubHeader: stub,
      columns: [prevItems, change],
      rows: [leaf("fees", "行政事业性收费")],
      cellId: t2Cell,
      cellFormat: projectCellFormat,
    }),
    defineGrid({
      id: "t2.item9",
      title: "第二十条第（九）项",
      stubHeader: stub,
      columns: [leaf("items", "采购项目数量"), leaf("amount", "采购总金额（单位：万元，保留4位小数）")],
      rows: [leaf("procurement", "政府集中采购")],
      cellId: t2Cell,
      cellFormat: (_row, column) =>
        column === "amount" ? { type: "money", unit: "万元", decimals: 4 } : { type: "count" },
    }),
  ],
};

const applications = applicationsTable(otherHandlingSingle);
const reviews = reviewsTable();

export const gov2019: Layout = defineLayout({
  id: "gov-2019",
  version: "2019.1",
  title: "中华人民共和国政府信息公开工作年度报告格式（试行）",
  basis: "国办公开办函〔2019〕60号",
  basisTitle: "国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知",
  appliesToYears: { from: 2019, to: 2020 },
  preamble: { id: "preamble", label: "前言", required: false },
  sections: [
    // The 2019 format words 一、总体情况 as free text with no fixed sub-parts.
    { kind: "narrative", id: "s1", number: "一", heading: "一、总体情况", required: true, parts: [] },
    proactiveTable,
    applications.section,
    reviews.section,
    problemsSection,
    otherMattersSection,
  ],
  // 本年增/减 has no in-table check (上一年项目数量 is last year's figure, not this table's),
  // so table 二 carries only cell types.
  rules: [...applications.rules, ...reviews.rules, ...narrativeFigureRules(["s1"])],
  periodSentenceFields: ["preamble", "s1"],
});
