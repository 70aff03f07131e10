import { describe, expect, it } from "vitest";
import { labelledCells, parseCorpusLabel, parseCorpusSource } from "./corpus-label";

const label = {
  file: "report.html",
  title: "某镇2023年政府信息公开工作年度报告",
  organization: "某镇人民政府",
  organizationKind: "TOWN",
  year: 2023,
  layoutId: "gov-2021",
  tables: {
    "t2.item1": { rules: [0, 0, 0], normative: [1, null, 4] },
    t4: { cases: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  },
  defects: [{ kind: "completeness", description: "表二一个单元格空白", accepts: ["completeness.cells"] }],
};

describe("parseCorpusLabel", () => {
  it("accepts a label whose rows fit the layout, with defaults for what it leaves out", () => {
    const parsed = parseCorpusLabel(label);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.notes).toBe("");
    expect(parsed.value.defects[0]?.places).toEqual([]);
    const cells = labelledCells(parsed.value);
    expect(cells.size).toBe(21);
    expect(cells.get("t2.normative.issued")).toBe(1);
    expect(cells.get("t2.normative.repealed")).toBeNull();
    expect(cells.get("t2.normative.inForce")).toBe(4);
  });

  it("refuses a row the layout does not have, or of the wrong width, saying which in zh-CN", () => {
    const wrong = parseCorpusLabel({
      ...label,
      tables: { "t2.item1": { rules: [0, 0], regulations: [0, 0, 0] } },
    });
    expect(wrong).toEqual({
      ok: false,
      issues: [
        "tables.t2.item1.rules：这一行有 3 列，标注了 2 个值",
        "tables.t2.item1.regulations：gov-2021 没有这一行",
      ],
    });
  });

  it("refuses a 2019 row in a 2021 label (the layouts' grids differ)", () => {
    const parsed = parseCorpusLabel({ ...label, tables: { "t2.item9": { procurement: [1, 2] } } });
    expect(parsed.ok).toBe(false);
  });

  it("refuses unknown fields, kinds and layouts rather than ignore them", () => {
    expect(parseCorpusLabel({ ...label, extra: 1 }).ok).toBe(false);
    expect(parseCorpusLabel({ ...label, organizationKind: "CITY" }).ok).toBe(false);
    expect(parseCorpusLabel({ ...label, layoutId: "gov-2008" }).ok).toBe(false);
    expect(parseCorpusLabel({ ...label, defects: [{ kind: "arithmetic", description: "x", accepts: [] }] }).ok).toBe(
      false,
    );
    expect(parseCorpusLabel({ ...label, tables: { t4: { cases: ["0"] } } }).ok).toBe(false);
  });

  it("takes null as the kind of a body none of the five kinds fits", () => {
    expect(parseCorpusLabel({ ...label, organizationKind: null }).ok).toBe(true);
  });
});

describe("parseCorpusSource", () => {
  it("needs the repository and path of a repository file, the url of a page, the origin of a derived file", () => {
    expect(parseCorpusSource({ kind: "repository", repository: "a/b", path: "x.html", fetched: "2026-12-02" }).ok).toBe(
      true,
    );
    expect(parseCorpusSource({ kind: "repository", url: "https://x", fetched: "2026-12-02" })).toEqual({
      ok: false,
      issues: ["repository 来源须写明 repository 和 path"],
    });
    expect(parseCorpusSource({ kind: "page", fetched: "2026-12-02" }).ok).toBe(false);
    expect(parseCorpusSource({ kind: "derived", derivedFrom: "a", fetched: "2026-12-02" }).ok).toBe(false);
    expect(parseCorpusSource({ kind: "page", url: "https://x", fetched: "2 December" }).ok).toBe(false);
  });
});
