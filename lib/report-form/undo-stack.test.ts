import { describe, expect, it } from "vitest";
import { UndoStack, type FormAct } from "./undo-stack";

function act(description: string, changes: FormAct["changes"]): FormAct {
  return { kind: "paste", description, scope: "t3", changes };
}

describe("UndoStack", () => {
  it("undoes the last act as one step, then the one before", () => {
    const stack = new UndoStack();
    const values = new Map<string, number | null>();
    stack.push(act("first", [{ cellId: "a", before: null, after: 1 }]));
    stack.push(
      act("second", [
        { cellId: "a", before: 1, after: 2 },
        { cellId: "b", before: null, after: 0 },
      ]),
    );
    values.set("a", 2).set("b", 0);
    const second = stack.undo((id) => values.get(id));
    expect(second?.act.description).toBe("second");
    expect(second?.restore).toEqual([
      { cellId: "a", value: 1 },
      { cellId: "b", value: null },
    ]);
    expect(second?.kept).toEqual([]);
    values.set("a", 1).set("b", null);
    expect(stack.undo((id) => values.get(id))?.restore).toEqual([{ cellId: "a", value: null }]);
    expect(stack.undo((id) => values.get(id))).toBeNull();
  });

  it("keeps cells the clerk changed after the act", () => {
    const stack = new UndoStack();
    stack.push(
      act("fill", [
        { cellId: "a", before: null, after: 0 },
        { cellId: "b", before: null, after: 0 },
      ]),
    );
    const outcome = stack.undo((id) => (id === "a" ? 7 : 0));
    expect(outcome?.restore).toEqual([{ cellId: "b", value: null }]);
    expect(outcome?.kept).toEqual(["a"]);
  });

  it("records no act that changed nothing, and drops unchanged cells of an act", () => {
    const stack = new UndoStack();
    stack.push(act("nothing", [{ cellId: "a", before: 3, after: 3 }]));
    expect(stack.size).toBe(0);
    expect(stack.last()).toBeNull();
    stack.push(
      act("some", [
        { cellId: "a", before: 3, after: 3 },
        { cellId: "b", before: null, after: 5 },
      ]),
    );
    expect(stack.last()?.changes).toEqual([{ cellId: "b", before: null, after: 5 }]);
  });

  it("keeps a bounded history and tells subscribers of every change", () => {
    const stack = new UndoStack(2);
    let calls = 0;
    const unsubscribe = stack.subscribe(() => calls++);
    for (let i = 0; i < 3; i++) stack.push(act(`act ${i}`, [{ cellId: "a", before: i, after: i + 1 }]));
    expect(stack.size).toBe(2);
    expect(stack.last()?.description).toBe("act 2");
    stack.clear();
    expect(stack.size).toBe(0);
    expect(calls).toBe(4);
    unsubscribe();
    stack.push(act("later", [{ cellId: "a", before: 0, after: 1 }]));
    expect(calls).toBe(4);
  });
});
