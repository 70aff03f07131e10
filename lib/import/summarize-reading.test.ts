import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateReport } from "../rules";
import { getLayout } from "../template";
import { readReportText } from "./read-report-text";
import { parseReadingSummary, summarizeReading } from "./summarize-reading";

const seed = readFileSync(
  path.resolve(import.meta.dirname, "../../fixtures/seeds-text/000_fc5fadd985b29ebf.txt"),
  "utf8",
);

describe("parseReadingSummary", () => {
  const reading = readReportText(seed);
  const summary = summarizeReading(
    "000.txt",
    reading,
    evaluateReport({ data: reading.data, layout: getLayout(reading.layoutId) }),
  );

  it("reads back the summary an import stored, as it was", () => {
    expect(summary.findings.length).toBeGreaterThan(0);
    expect(parseReadingSummary(JSON.parse(JSON.stringify(summary)), "000.txt")).toEqual(summary);
  });

  it.each([null, {}, { ...summary, status: "maybe" }, { ...summary, problems: [{ place: "t3" }] }])(
    "refuses a stored row of another shape, naming the import (%#)",
    (stored) => {
      expect(() => parseReadingSummary(stored, "000.txt")).toThrow(/import 000\.txt/);
    },
  );
});
