/**
 * The standard opening text and report title. Wording follows what real
 * reports print (seeds 002 and 004) with the correct name of the notice.
 */
import type { Layout } from "./types";

export interface PreambleInput {
  readonly organizationName: string;
  readonly year: number;
}

/** The 统计期限 sentence; the rule engine parses this sentence back out of the preamble. */
export function periodSentence(year: number): string {
  return `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
}

/** 《<body><year>年政府信息公开工作年度报告》's title, without book-title marks. */
export function reportTitle(input: PreambleInput): string {
  return `${input.organizationName.trim()}${input.year}年政府信息公开工作年度报告`;
}

export function standardPreamble(layout: Layout, input: PreambleInput): string {
  return (
    `根据《中华人民共和国政府信息公开条例》和《${layout.basisTitle}》（${layout.basis}）要求，` +
    `现发布《${reportTitle(input)}》。` +
    periodSentence(input.year)
  );
}
