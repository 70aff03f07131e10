import { describe, expect, it } from "vitest";
import {
  daysBetween,
  deadlineStanding,
  deadlineStandingLabel,
  deadlineStandingShortLabel,
  returnedUntouchedLabel,
} from "./season-deadline";

describe("deadlineStanding", () => {
  it("counts calendar days across months and a leap day", () => {
    expect(daysBetween("2027-01-26", "2027-01-31")).toBe(5);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-02-03", "2027-01-31")).toBe(-3);
  });

  it.each([
    [{ deadline: "2027-01-31", today: "2027-01-26", publishedOn: null }, "距截止还有 5 天", "剩 5 天"],
    [{ deadline: "2027-01-31", today: "2027-01-31", publishedOn: null }, "今天截止", "今天截止"],
    [{ deadline: "2027-01-31", today: "2027-02-03", publishedOn: null }, "已逾期 3 天", "逾期 3 天"],
    [{ deadline: "2027-01-31", today: "2027-02-03", publishedOn: "2027-01-31" }, "按时发布", "按时发布"],
    [{ deadline: "2027-01-31", today: "2027-03-03", publishedOn: "2027-02-02" }, "逾期 2 天发布", "逾期 2 天发布"],
    [
      { deadline: "2027-01-31", today: "2027-03-03", publishedOn: "undated" },
      "已发布（原文未注明发布日期）",
      "已发布，日期不详",
    ],
  ] as const)("%o is %s", (input, label, short) => {
    const standing = deadlineStanding(input);
    expect(deadlineStandingLabel(standing)).toBe(label);
    expect(deadlineStandingShortLabel(standing)).toBe(short);
  });

  it("words a return nobody acted on", () => {
    expect(returnedUntouchedLabel(3)).toBe("退回后 3 天未修改");
    expect(returnedUntouchedLabel(0)).toBe("今天退回，尚未修改");
  });
});
