import { describe, expect, it } from "vitest";
import { readPeriod } from "./read-period";

describe("readPeriod", () => {
  // Each sentence states a whole calendar year: the one it names, whatever the report's year.
  it.each([
    ["本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", 2023],
    ["本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。", 2023],
    ["报告统计数据时限为2023年1月1日至2023年12月31日。", 2023],
    ["统计期限为２０２２年１月１日至２０２２年１２月３１日", 2022],
  ])("%s", (text, year) => {
    expect(readPeriod([text], 2023)).toEqual({ kind: "period", start: `${year}-01-01`, end: `${year}-12-31` });
  });

  it("does not guess a year run into the month (seed 002)", () => {
    expect(readPeriod(["本报告中所列数据的统计期限自20231月1日起至202312月31日止。"], 2023)).toEqual({
      kind: "unreadable",
      raw: "20231月1日",
      suggestion: "2023年1月1日",
    });
  });

  it("does not accept a day that does not exist", () => {
    expect(readPeriod(["统计期限自2023年2月30日至2023年12月31日"], 2023)).toEqual({
      kind: "unreadable",
      raw: "2023年2月30日",
    });
  });

  it("ignores dates outside a 统计 sentence, and takes the first text that states one", () => {
    expect(readPeriod(["截止2020年12月31日，我镇未收到过公开申请。"], 2020)).toEqual({ kind: "none" });
    expect(
      readPeriod(["", "统计期限自2021年1月1日至2021年12月31日", "统计期限自2020年1月1日至2020年12月31日"], 2021),
    ).toMatchObject({
      start: "2021-01-01",
    });
  });

  it("completes a period written without any year from the report year", () => {
    expect(readPeriod(["本报告统计期限为1月1日至12月31日。"], 2022)).toEqual({
      kind: "period",
      start: "2022-01-01",
      end: "2022-12-31",
    });
  });
});
