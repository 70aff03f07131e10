import { describe, expect, it } from "vitest";
import { chinaDay, isCalendarDay, nextDay } from "@/lib/format/calendar-day";
import { documentDateProblem, publicationDayProblem } from "./publication-dates";

describe("publicationDayProblem", () => {
  it("refuses a report while its 统计期限 runs, up to 31 December", () => {
    expect(publicationDayProblem(2026, "2026-12-01")).toContain("2027年1月1日");
    expect(publicationDayProblem(2026, "2026-12-31")).not.toBeNull();
  });

  it("allows it from 1 January of the next year", () => {
    expect(publicationDayProblem(2026, "2027-01-01")).toBeNull();
  });
});

describe("documentDateProblem", () => {
  it("asks for a day that exists", () => {
    expect(documentDateProblem("2027-02-30", 2026, "2027-03-01")).toContain("真实存在");
    expect(documentDateProblem("20261月1日", 2026, "2027-03-01")).toContain("真实存在");
  });

  it("refuses a 成文日期 inside the 统计期限 or after the publication", () => {
    expect(documentDateProblem("2026-12-31", 2026, "2027-01-05")).toContain("早于统计期限结束");
    expect(documentDateProblem("2027-01-06", 2026, "2027-01-05")).toContain("晚于发布日期");
  });

  it("accepts a day between the end of the period and the publication", () => {
    expect(documentDateProblem("2027-01-05", 2026, "2027-01-05")).toBeNull();
    expect(documentDateProblem("2027-01-02", 2026, null)).toBeNull();
  });
});

describe("calendar days", () => {
  it("are China's: 16:00 UTC is already the next day", () => {
    expect(chinaDay(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
    expect(chinaDay(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("exist or are refused", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2023-02-29")).toBe(false);
    expect(nextDay("2023-12-31")).toBe("2024-01-01");
  });
});
