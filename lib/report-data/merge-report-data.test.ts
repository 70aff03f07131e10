/**
 * The three-way merge over generated edits of real layouts: what one side changed always
 * survives, equal changes on both sides merge silently, and the questions are exactly the
 * fields both sides changed to different values (then answered, each side's choice is
 * taken as chosen).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLayout, getLayout, type LayoutId } from "../template";
import { applyMergeChoices, mergeKey, mergeReportData, type MergeSide, type ReportValues } from "./merge-report-data";

const layoutIds: readonly LayoutId[] = ["gov-2021", "gov-2019"];

// Few distinct values, so that the two sides often meet on the same one.
const figureArb = fc.constantFrom<number | null>(null, 0, 1, 15, 12.5);
const textArb = fc.constantFrom("", "甲", "乙", "乙 ", "丙\n");

interface FieldEdit<T> {
  readonly index: number;
  readonly base: T;
  readonly mine: T;
  readonly theirs: T;
}

const editsArb = <T>(value: fc.Arbitrary<T>, size: number) =>
  fc.uniqueArray(fc.record({ index: fc.nat({ max: size - 1 }), base: value, mine: value, theirs: value }), {
    selector: (edit) => edit.index,
    maxLength: 40,
  }) as fc.Arbitrary<FieldEdit<T>[]>;

function scenarioArb(layoutId: LayoutId) {
  const compiled = compileLayout(getLayout(layoutId));
  return fc.record({
    cells: editsArb(figureArb, compiled.inputCells.length),
    texts: editsArb(textArb, compiled.narrativeFields.length),
    choices: fc.array(fc.constantFrom<MergeSide>("mine", "theirs"), { minLength: 80, maxLength: 80 }),
  });
}

function sidesOf(layoutId: LayoutId, cells: FieldEdit<number | null>[], texts: FieldEdit<string>[]) {
  const compiled = compileLayout(getLayout(layoutId));
  const side = (name: "base" | "mine" | "theirs"): ReportValues => ({
    cells: Object.fromEntries(cells.map((edit) => [compiled.inputCells[edit.index]!.id, edit[name]])),
    narrative: Object.fromEntries(texts.map((edit) => [compiled.narrativeFields[edit.index]!.id, edit[name]])),
  });
  return { compiled, base: side("base"), mine: side("mine"), theirs: side("theirs") };
}

describe.each(layoutIds)("mergeReportData (%s)", (layoutId) => {
  const layout = getLayout(layoutId);

  it("keeps one-sided changes, merges equal changes silently and asks exactly about the differing ones", () => {
    fc.assert(
      fc.property(scenarioArb(layoutId), ({ cells, texts, choices }) => {
        const { compiled, base, mine, theirs } = sidesOf(layoutId, cells, texts);
        const merge = mergeReportData(layout, base, mine, theirs);
        const expectedConflicts = new Set<string>();
        const fields = [
          ...cells.map((edit) => ({
            ...edit,
            key: mergeKey({ kind: "cell", id: compiled.inputCells[edit.index]!.id }),
          })),
          ...texts.map((edit) => ({
            ...edit,
            key: mergeKey({ kind: "narrative", id: compiled.narrativeFields[edit.index]!.id }),
          })),
        ];
        const mergedValue = (key: string) => {
          const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
          return kind === "cell" ? merge.merged.cells[id] : merge.merged.narrative[id as "s5"];
        };
        for (const field of fields) {
          const mineChanged = !Object.is(field.mine, field.base);
          const theirsChanged = !Object.is(field.theirs, field.base);
          if (mineChanged && !theirsChanged) expect(mergedValue(field.key)).toBe(field.mine);
          if (theirsChanged && !mineChanged) expect(mergedValue(field.key)).toBe(field.theirs);
          if (!mineChanged && !theirsChanged) expect(mergedValue(field.key)).toBe(field.base);
          if (mineChanged && theirsChanged && Object.is(field.mine, field.theirs))
            expect(mergedValue(field.key)).toBe(field.mine);
          if (mineChanged && theirsChanged && !Object.is(field.mine, field.theirs)) {
            expectedConflicts.add(field.key);
            // Until the clerk chooses, the merge holds what this tab typed.
            expect(mergedValue(field.key)).toBe(field.mine);
          }
        }
        expect(new Set(merge.conflicts.map(mergeKey))).toEqual(expectedConflicts);
        expect(merge.conflicts).toHaveLength(expectedConflicts.size);
        for (const conflict of merge.conflicts) {
          const field = fields.find((f) => f.key === mergeKey(conflict))!;
          expect([conflict.base, conflict.mine, conflict.theirs]).toEqual([field.base, field.mine, field.theirs]);
          expect(conflict.label.length).toBeGreaterThan(0);
        }
        // Taken from theirs: exactly the fields only they changed.
        expect(new Set(merge.fromTheirs)).toEqual(
          new Set(fields.filter((f) => Object.is(f.mine, f.base) && !Object.is(f.theirs, f.base)).map((f) => f.key)),
        );

        // Every question answered: each conflict takes the chosen side, nothing else moves.
        const chosen = new Map(merge.conflicts.map((c, i) => [mergeKey(c), choices[i % choices.length]!]));
        const resolved = applyMergeChoices(layout, merge, chosen);
        for (const conflict of merge.conflicts) {
          const value = conflict.kind === "cell" ? resolved.cells[conflict.id] : resolved.narrative[conflict.id];
          expect(value).toBe(chosen.get(mergeKey(conflict)) === "theirs" ? conflict.theirs : conflict.mine);
        }
        for (const field of fields.filter((f) => !expectedConflicts.has(f.key))) {
          const [kind, id] = [field.key.slice(0, field.key.indexOf(":")), field.key.slice(field.key.indexOf(":") + 1)];
          expect(kind === "cell" ? resolved.cells[id] : resolved.narrative[id as "s5"]).toBe(mergedValue(field.key));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is symmetric: swapping the sides swaps each question and takes the same silent merge", () => {
    fc.assert(
      fc.property(scenarioArb(layoutId), ({ cells, texts }) => {
        const { base, mine, theirs } = sidesOf(layoutId, cells, texts);
        const ours = mergeReportData(layout, base, mine, theirs);
        const swapped = mergeReportData(layout, base, theirs, mine);
        expect(swapped.conflicts.map((c) => [mergeKey(c), c.mine, c.theirs])).toEqual(
          ours.conflicts.map((c) => [mergeKey(c), c.theirs, c.mine]),
        );
        const allTheirs = new Map(ours.conflicts.map((c) => [mergeKey(c), "theirs" as const]));
        expect(applyMergeChoices(layout, ours, allTheirs)).toEqual(swapped.merged);
      }),
      { numRuns: 200 },
    );
  });

  it("without the starting values, every difference is asked and nothing is taken silently", () => {
    fc.assert(
      fc.property(scenarioArb(layoutId), ({ cells, texts }) => {
        const { mine, theirs } = sidesOf(layoutId, cells, texts);
        const merge = mergeReportData(layout, null, mine, theirs);
        expect(merge.fromTheirs).toEqual([]);
        const differing = [
          ...texts.filter((e) => !Object.is(e.mine, e.theirs)),
          ...cells.filter((e) => !Object.is(e.mine, e.theirs)),
        ];
        expect(merge.conflicts).toHaveLength(differing.length);
        expect(merge.conflicts.every((c) => c.base === undefined)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("recomputes totals from the merged parts and labels a cell with its table", () => {
    const compiled = compileLayout(layout);
    const total = compiled.totals[0]!;
    const [first, second] = total.total.inputs;
    const merge = mergeReportData(
      layout,
      { cells: {}, narrative: {} },
      { cells: { [first!]: 3 }, narrative: {} },
      { cells: { [second!]: 4, [first!]: 5 }, narrative: {} },
    );
    expect(merge.conflicts.map((c) => c.id)).toEqual([first]);
    expect(merge.conflicts[0]!.label).toContain(compiled.cell(first!)!.label);
    expect(merge.conflicts[0]!.label).toMatch(/^[一二三四五六七八九十]+、.+：/);
    const weightOf = (id: string) => total.total.weights[total.total.inputs.indexOf(id)] ?? 0;
    expect(merge.merged.cells[total.id]).toBe(3 * weightOf(first!) + 4 * weightOf(second!));
  });
});
