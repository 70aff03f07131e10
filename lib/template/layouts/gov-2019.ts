/**
 * gov-2019: the format (试行) issued with 国办公开办函〔2019〕60号, used for
 * report years 2019 and 2020. Table 二 differs from gov-2021 (project
 * counts with a signed 本年增/减, and 政府集中采购); tables 三 and 四 match
 * except that （六）其他处理 is a single row.
 */
import { defineLayout, leaf, type CellFormat } from "../define-layout";
import {
  applicationsTable,
  narrativeFigureRules,
  otherHandlingSingle,
  otherMattersSection,
  proactiveTable,
  problemsSection,
  reviewsTable,
} from "../parts";
import { applicationAndReviewFigures, documentFigures, trendCharts } from "../trend-figures";
import type { Layout } from "../types";

const prevItems = leaf("prevItems", "上一年项目数量");
const change = leaf("change", "本年增/减");
const decisions = leaf("decisions", "处理决定数量");
const projectColumns = [prevItems, change, decisions];
/** 本年增/减 is the only signed figure of the national formats. */
const projectCellFormat = (_row: string, column: string): CellFormat => ({
  type: column === "change" ? "signedCount" : "count",
});

const proactive = proactiveTable([
  {
    item: 1,
    columns: [leaf("made", "本年新制作数量"), leaf("published", "本年新公开数量"), leaf("total", "对外公开总数量")],
    rows: [leaf("rules", "规章"), leaf("normative", "规范性文件")],
  },
  {
    item: 5,
    columns: projectColumns,
    rows: [leaf("licensing", "行政许可"), leaf("otherServices", "其他对外管理服务事项")],
    cellFormat: projectCellFormat,
  },
  {
    item: 6,
    columns: projectColumns,
    rows: [leaf("penalty", "行政处罚"), leaf("enforcement", "行政强制")],
    cellFormat: projectCellFormat,
  },
  { item: 8, columns: [prevItems, change], rows: [leaf("fees", "行政事业性收费")], cellFormat: projectCellFormat },
  {
    item: 9,
    columns: [leaf("items", "采购项目数量"), leaf("amount", "采购总金额（单位：万元，保留4位小数）")],
    rows: [leaf("procurement", "政府集中采购")],
    cellFormat: (_row, column) =>
      column === "amount" ? { type: "money", unit: "万元", decimals: 4 } : { type: "count" },
  },
]);

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
    proactive,
    applications.section,
    reviews.section,
    problemsSection,
    otherMattersSection,
  ],
  // 本年增/减 has no in-table check (上一年项目数量 is last year's figure, not this table's),
  // so table 二 carries only cell types.
  rules: [...applications.rules, ...reviews.rules, ...narrativeFigureRules(["s1"])],
  periodSentenceFields: ["preamble", "s1"],
  commonlyEmptyTables: [applications.section.id, reviews.section.id],
  trendCharts,
  trendFigures: [...documentFigures({ issued: "made" }), ...applicationAndReviewFigures],
});
