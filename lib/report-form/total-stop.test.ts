import { describe, expect, it } from "vitest";
import { compileLayout, getLayout } from "@/lib/template";
import { totalStopNote } from "./total-stop";

const compiled = compileLayout(getLayout("gov-2021"));
const cell = (id: string) => compiled.cell(id)!;

describe("totalStopNote", () => {
  it("names the column for a row total, the row for a column total, both for the grand total", () => {
    expect(totalStopNote(cell("t3.r1.total"), cell("t3.r1.natural"), "blank").short).toBe("待填：自然人");
    expect(totalStopNote(cell("t3.r3_7.natural"), cell("t3.r3_1.natural"), "invalid").short).toBe(
      "待改：（一）予以公开",
    );
    const grand = totalStopNote(cell("t3.r3_7.total"), cell("t3.r3_1.natural"), "blank");
    expect(grand.short).toBe(`待填：${cell("t3.r3_1.natural").label}`);
    expect(grand.full).toContain(cell("t3.r3_1.natural").label);
  });
});
