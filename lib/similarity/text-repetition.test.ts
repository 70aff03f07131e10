import { describe, expect, it } from "vitest";
import {
  exceedsThreshold,
  measureRepetition,
  MIN_COMPARED_CHARACTERS,
  repetitionPercent,
  SHINGLE_LENGTH,
  ShingleSet,
} from "./text-repetition";

const lastYear =
  "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，" +
  "通过政府网站、政务新媒体和公开栏等渠道及时发布各类政府信息，切实保障人民群众的知情权、参与权和监督权。";
const unrelated =
  "今年乡里新修了三条村道，组织农技培训十二场次，完成高标准农田建设一千二百亩，" +
  "并对辖区内的危旧房屋开展了逐户排查，发现问题当场登记、限期整改。";

const slice = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe("measureRepetition", () => {
  it("finds an identical text wholly repeated, as one passage over the whole text", () => {
    const result = measureRepetition(lastYear, new ShingleSet([lastYear]));
    expect(result.ratio).toBe(1);
    expect(result.repeatedLength).toBe(result.comparedLength);
    expect(result.passages).toHaveLength(1);
    // The passage ends at the last compared character; the closing 。 is punctuation.
    expect(slice(lastYear, result.passages[0]!)).toBe(lastYear.slice(0, -1));
  });

  it("finds nothing in disjoint texts", () => {
    const result = measureRepetition(unrelated, new ShingleSet([lastYear]));
    expect(result.ratio).toBe(0);
    expect(result.passages).toEqual([]);
    expect(result.comparedLength).toBeGreaterThan(40);
  });

  it("measures a partial copy as the share of the text's characters, and marks the copied sentence", () => {
    const copied = "切实保障人民群众的知情权、参与权和监督权";
    const text = `${unrelated}${copied}。`;
    const result = measureRepetition(text, new ShingleSet([lastYear]));
    const copiedCharacters = copied.replace(/、/g, "").length;
    expect(result.repeatedLength).toBe(copiedCharacters);
    expect(result.ratio).toBeCloseTo(copiedCharacters / result.comparedLength, 10);
    expect(result.passages.map((range) => slice(text, range))).toEqual([copied]);
    expect(repetitionPercent(result)).toBe(Math.floor((100 * copiedCharacters) / result.comparedLength));
  });

  it("is coverage of this text, not overlap of both: a long source does not dilute a short copy", () => {
    const result = measureRepetition(lastYear, new ShingleSet([unrelated, lastYear, unrelated.repeat(5)]));
    expect(result.ratio).toBe(1);
  });

  it("counts a shared phrase shorter than a shingle as nothing", () => {
    const phrase = "政府信息公开"; // six characters, in every report
    expect(phrase.length).toBeLessThan(SHINGLE_LENGTH);
    const result = measureRepetition(`乡里今年的${phrase}工作比较顺利`, new ShingleSet([`县里开展${phrase}检查`]));
    expect(result.repeatedLength).toBe(0);
  });

  it("ignores punctuation, spaces and the width of letters, digits and marks", () => {
    const halfWidth = "2023年共收到申请12件,办结12件;其中予以公开8件(含部分公开).答复均在法定期限内完成";
    const fullWidth =
      "２０２３年　共收到申请１２件，办结１２件；其中予以公开８件（含部分公开）。答复均在法定期限内完成";
    const result = measureRepetition(fullWidth, new ShingleSet([halfWidth]));
    expect(result.ratio).toBe(1);
    expect(measureRepetition(halfWidth, new ShingleSet([fullWidth])).ratio).toBe(1);
    // Passages point into the text as typed, full-width characters and all.
    expect(slice(fullWidth, result.passages[0]!)).toBe(fullWidth);
  });

  it("folds Latin letters' case", () => {
    const result = measureRepetition(
      "本单位在WEB门户网站开设公开专栏",
      new ShingleSet(["本单位在web门户网站开设公开专栏"]),
    );
    expect(result.ratio).toBe(1);
  });

  it("leaves prescribed text out of both the repeated and the compared characters", () => {
    const prescribed = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
    const own = "今年乡里新修了三条村道，组织农技培训十二场次。";
    const text = prescribed + own;
    const withoutPrescribed = measureRepetition(text, new ShingleSet([prescribed]), new ShingleSet([prescribed]));
    expect(withoutPrescribed.repeatedLength).toBe(0);
    expect(withoutPrescribed.comparedLength).toBe(own.replace(/[，。]/g, "").length);
    expect(withoutPrescribed.passages).toEqual([]);
    // Without the exclusion the same sentence counts.
    expect(measureRepetition(text, new ShingleSet([prescribed])).repeatedLength).toBeGreaterThan(20);
  });

  it("splits passages where prescribed text or new wording comes between copied clauses", () => {
    const first = "全面推进决策、执行、管理、服务、结果公开";
    const second = "切实保障人民群众的知情权、参与权和监督权";
    const text = `${first}，今年新修了三条村道，${second}。`;
    const result = measureRepetition(text, new ShingleSet([lastYear]));
    expect(result.passages.map((range) => slice(text, range))).toEqual([first, second]);
  });

  it("keeps characters outside the Basic Multilingual Plane whole", () => {
    const rare = "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉";
    const result = measureRepetition(`前言${rare}`, new ShingleSet([rare]));
    expect(result.passages.map((range) => slice(`前言${rare}`, range))).toEqual([rare]);
  });

  it("answers 0 for an empty text or one that is only prescribed", () => {
    expect(measureRepetition("", new ShingleSet([lastYear])).ratio).toBe(0);
    const onlyPrescribed = measureRepetition(lastYear, new ShingleSet([lastYear]), new ShingleSet([lastYear]));
    expect(onlyPrescribed).toMatchObject({ ratio: 0, comparedLength: 0, passages: [] });
  });
});

describe("exceedsThreshold", () => {
  const text = lastYear;
  it("flags more than the threshold, not the threshold itself", () => {
    const half = { ratio: 0.5, comparedLength: 100, repeatedLength: 50, passages: [] };
    expect(exceedsThreshold(half, 50)).toBe(false);
    expect(exceedsThreshold({ ...half, ratio: 0.51, repeatedLength: 51 }, 50)).toBe(true);
    expect(exceedsThreshold(measureRepetition(text, new ShingleSet([text])), 50)).toBe(true);
  });

  it("does not judge a text too short to be called copied", () => {
    const short = { ratio: 1, comparedLength: MIN_COMPARED_CHARACTERS - 1, repeatedLength: 19, passages: [] };
    expect(exceedsThreshold(short, 50)).toBe(false);
  });
});
