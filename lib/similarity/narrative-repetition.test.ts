import { describe, expect, it } from "vitest";
import { getLayout, periodSentence, standardPreamble } from "@/lib/template";
import { ShingleSet } from "./text-repetition";
import {
  findRepeatedParts,
  narrativeShingles,
  prescribedShingles,
  repetitionSourceLabel,
} from "./narrative-repetition";

const layout = getLayout("gov-2021");
const meta = { organizationName: "董封乡人民政府", year: 2024 };
const prescribed = prescribedShingles(layout, meta);

const active2023 =
  "本乡坚持以公开为常态、不公开为例外，通过政府网站和乡务公开栏主动公开各类政府信息，" +
  "重点做好财政预决算、惠民补贴发放和重大项目建设等领域的信息公开，全年未发生因公开不及时引发的投诉。";
const onRequest2024 =
  "今年共收到依申请公开事项四件，均为群众咨询土地征收补偿标准，乡里逐件登记、当面答复，" +
  "并把答复口径整理成问答在公开栏张贴，此后同类咨询明显减少。";

describe("findRepeatedParts", () => {
  const lastYear = narrativeShingles({
    "s1.active": active2023,
    preamble: standardPreamble(layout, { ...meta, year: 2023 }),
  });

  it("names the parts over the threshold with their percentage and passages", () => {
    const parts = findRepeatedParts(
      layout,
      { narrative: { "s1.active": active2023, "s1.onRequest": onRequest2024 } },
      lastYear,
      prescribed,
      50,
    );
    expect(parts).toEqual([
      {
        fieldId: "s1.active",
        heading: "（一）主动公开",
        percent: 100,
        passages: [{ start: 0, end: active2023.length - 1 }],
      },
    ]);
  });

  it("finds a part copied into another part", () => {
    const parts = findRepeatedParts(layout, { narrative: { "s1.oversight": active2023 } }, lastYear, prescribed, 50);
    expect(parts.map((part) => part.fieldId)).toEqual(["s1.oversight"]);
  });

  it("does not count the standard opening or the 统计期限 sentence, this year's or last year's", () => {
    const openings = [
      standardPreamble(layout, meta),
      standardPreamble(layout, { ...meta, year: 2023 }),
      `${periodSentence(2024)}现将有关情况报告如下。`,
    ];
    for (const preamble of openings) {
      const parts = findRepeatedParts(layout, { narrative: { preamble } }, lastYear, prescribed, 0);
      expect(parts).toEqual([]);
    }
  });

  it("does not count the part's own heading typed at its start", () => {
    const heading = "五、存在的主要问题及改进情况";
    const text = `${heading}：按照要求做好相关工作。`;
    const parts = findRepeatedParts(layout, { narrative: { s5: text } }, new ShingleSet([text]), prescribed, 0);
    expect(parts).toEqual([]);
    expect(
      findRepeatedParts(layout, { narrative: { s5: text } }, new ShingleSet([text]), new ShingleSet([]), 50),
    ).toHaveLength(1);
  });

  it("still counts copied words around the prescribed sentence", () => {
    const text = `${periodSentence(2024)}${active2023}`;
    const [part] = findRepeatedParts(layout, { narrative: { "s1.active": text } }, lastYear, prescribed, 50);
    expect(part?.percent).toBe(100);
    expect(text.slice(part!.passages[0]!.start, part!.passages[0]!.end)).toBe(active2023.slice(0, -1));
  });

  it("clears once the text is rewritten", () => {
    const parts = findRepeatedParts(layout, { narrative: { "s1.active": onRequest2024 } }, lastYear, prescribed, 50);
    expect(parts).toEqual([]);
  });
});

describe("repetitionSourceLabel", () => {
  it("names the source without naming another unit unless given its name", () => {
    expect(repetitionSourceLabel({ kind: "previousYear" })).toBe("上年本单位报告");
    expect(repetitionSourceLabel({ kind: "otherUnit", organizationName: null })).toBe("同县某单位的报告");
    expect(repetitionSourceLabel({ kind: "otherUnit", organizationName: "凤城镇" })).toBe("同县单位“凤城镇”的报告");
  });
});
