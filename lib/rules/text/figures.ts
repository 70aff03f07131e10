/**
 * Figures stated in the prose of 一、总体情况 about requests received,
 * 行政复议 and 行政诉讼. Conservative on purpose: only clear statements
 * (“全年共收到依申请公开35件”, “共受理政府信息公开申请0件”,
 * “未收到政府信息公开申请”, “未发生……行政复议和行政诉讼”) count, and two
 * different figures for one topic count as no statement at all.
 */
import type { NarrativeTopic } from "../../template";
import { memoizeText } from "./memo";
import { clauses, normalizeProse } from "./normalize";

export type StatedFigures = Readonly<Partial<Record<NarrativeTopic, number>>>;

const request = "(?:政府信息公开申请|依申请公开(?:政府信息)?(?:申请)?|信息公开申请|公开申请)";
const receive = "(?:收到|受理|接收|接到|新收)(?:了)?(?:各类)?";
const countWord = "(?:件|个|份|宗)";

const requestPatterns: readonly RegExp[] = [
  // 全年共收到依申请公开35件 / 共受理政府信息公开申请0件
  new RegExp(`${receive}${request}(?:共计?|合计)?(\\d+)${countWord}`),
  // 共收到35件政府信息公开申请
  new RegExp(`${receive}(\\d+)${countWord}(?:政府信息公开|依申请公开|信息公开)(?:的)?申请`),
];

// 未收到政府信息公开申请 / 未收到过公开申请 / 没有收到依申请公开
const requestZero = new RegExp(
  `(?:未|没有)(?:收到|受理|接到)(?:过|任何)*(?:(?:政府信息公开|依申请公开|信息公开|公开)(?:的)?申请|依申请公开)`,
);

/** A negation in front of the topic within the clause; 未经 (未经复议直接起诉) and 无法/无正当 are not one. */
const negation = "(?:未(?!经)|无(?!法|正当)|没有)";

function casePatterns(topic: string): readonly RegExp[] {
  return [
    // 行政复议案件2件 / 被申请行政复议共4起
    new RegExp(`${topic}(?:案件|申请)?(?:共计?|合计)?(\\d+)(?:件|起|宗|个)`),
    // 发生2起行政复议
    new RegExp(`(\\d+)(?:件|起|宗)(?:政府信息公开)?${topic}`),
  ];
}

const reviewPatterns = casePatterns("行政复议");
const suitPatterns = casePatterns("行政诉讼");
const reviewZero = new RegExp(`${negation}[^，,。；;]{0,24}行政复议`);
const suitZero = new RegExp(`${negation}[^，,。；;]{0,24}行政诉讼`);
// “行政复议和行政诉讼案件0件” states both are zero; a non-zero joint figure says nothing about either.
const jointFigure = /行政复议(?:和|及|、|或)(?:提起)?行政诉讼(?:案件)?(?:共计?)?(\d+)(?:件|起|宗)/;

function firstNumber(clause: string, patterns: readonly RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(clause);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

class Collector {
  private readonly seen = new Map<NarrativeTopic, Set<number>>();
  add(topic: NarrativeTopic, value: number): void {
    const set = this.seen.get(topic) ?? new Set<number>();
    set.add(value);
    this.seen.set(topic, set);
  }
  result(): StatedFigures {
    const out: Partial<Record<NarrativeTopic, number>> = {};
    for (const [topic, values] of this.seen) {
      if (values.size === 1) for (const v of values) out[topic] = v;
    }
    return out;
  }
}

function collectCases(clause: string, collector: Collector): void {
  const mentionsReview = clause.includes("行政复议");
  const mentionsSuit = clause.includes("行政诉讼");
  if (!mentionsReview && !mentionsSuit) return;
  if (mentionsReview && mentionsSuit) {
    const joint = jointFigure.exec(clause);
    if (joint?.[1] !== undefined) {
      if (Number(joint[1]) === 0) {
        collector.add("reviews", 0);
        collector.add("lawsuits", 0);
      }
      return;
    }
  }
  const review = mentionsReview ? firstNumber(clause, reviewPatterns) : undefined;
  const suit = mentionsSuit ? firstNumber(clause, suitPatterns) : undefined;
  if (review !== undefined) collector.add("reviews", review);
  else if (mentionsReview && reviewZero.test(clause)) collector.add("reviews", 0);
  if (suit !== undefined) collector.add("lawsuits", suit);
  else if (mentionsSuit && suitZero.test(clause)) collector.add("lawsuits", 0);
}

function parseFigures(text: string): StatedFigures {
  const collector = new Collector();
  for (const clause of clauses(normalizeProse(text))) {
    const requests = firstNumber(clause, requestPatterns);
    if (requests !== undefined) collector.add("requestsReceived", requests);
    else if (requestZero.test(clause)) collector.add("requestsReceived", 0);
    collectCases(clause, collector);
  }
  return collector.result();
}

/** Figures one text states, memoized per string. */
export const statedFigures = memoizeText(parseFigures);
