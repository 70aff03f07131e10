/**
 * gov-2021: the format issued by 国办公开办函〔2021〕30号, used for report
 * years 2021 onward. Labels as the template prints them.
 */
import { defineLayout, leaf } from "../define-layout";
import {
  applicationsTable,
  narrativeFigureRules,
  otherHandlingSplit,
  otherMattersSection,
  proactiveTable,
  problemsSection,
  reviewsTable,
} from "../parts";
import { applicationAndReviewFigures, documentFigures, trendCharts } from "../trend-figures";
import type { Layout, LayoutRule } from "../types";

const decisions = [leaf("decisions", "本年处理决定数量")];

const proactive = proactiveTable([
  {
    item: 1,
    columns: [leaf("issued", "本年制发件数"), leaf("repealed", "本年废止件数"), leaf("inForce", "现行有效件数")],
    rows: [leaf("rules", "规章"), leaf("normative", "行政规范性文件")],
  },
  { item: 5, columns: decisions, rows: [leaf("licensing", "行政许可")] },
  { item: 6, columns: decisions, rows: [leaf("penalty", "行政处罚"), leaf("enforcement", "行政强制")] },
  {
    item: 8,
    columns: [leaf("amount", "本年收费金额（单位：万元）")],
    rows: [leaf("fees", "行政事业性收费")],
    cellFormat: () => ({ type: "money", unit: "万元" }),
  },
]);

const applications = applicationsTable(otherHandlingSplit);
const reviews = reviewsTable();
const overviewIds = ["s1", "s1.active", "s1.onRequest", "s1.management", "s1.platform", "s1.oversight"] as const;

/** 现行有效件数 cannot exceed last year's plus 本年制发件数 (documents also lapse, so only an upper bound). */
const inForceBound: LayoutRule = {
  kind: "stockBound",
  id: "crossYear.inForce",
  grid: "t2.item1",
  rows: ["rules", "normative"],
  stock: "inForce",
  added: "issued",
};

export const gov2021: Layout = defineLayout({
  id: "gov-2021",
  version: "2021.1",
  title: "中华人民共和国政府信息公开工作年度报告格式",
  basis: "国办公开办函〔2021〕30号",
  basisTitle: "国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知",
  appliesToYears: { from: 2021, to: null },
  preamble: { id: "preamble", label: "前言", required: false },
  sections: [
    {
      kind: "narrative",
      id: "s1",
      number: "一",
      heading: "一、总体情况",
      // The lead-in before （一） is optional; the five sub-parts carry the content.
      required: false,
      parts: [
        { id: "s1.active", heading: "（一）主动公开", required: true },
        { id: "s1.onRequest", heading: "（二）依申请公开", required: true },
        { id: "s1.management", heading: "（三）政府信息管理", required: true },
        { id: "s1.platform", heading: "（四）政府信息公开平台建设", required: true },
        { id: "s1.oversight", heading: "（五）监督保障", required: true },
      ],
    },
    proactive,
    applications.section,
    reviews.section,
    problemsSection,
    otherMattersSection,
  ],
  rules: [...applications.rules, ...reviews.rules, inForceBound, ...narrativeFigureRules([...overviewIds])],
  // The standard opening states the 统计期限; reports that leave it out say it in 一、总体情况.
  periodSentenceFields: ["preamble", ...overviewIds],
  commonlyEmptyTables: [applications.section.id, reviews.section.id],
  trendCharts,
  trendFigures: [...documentFigures({ issued: "issued", inForce: "inForce" }), ...applicationAndReviewFigures],
});
