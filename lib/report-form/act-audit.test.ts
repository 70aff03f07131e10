import { describe, expect, it } from "vitest";
import { ActAuditQueue } from "./act-audit";

describe("ActAuditQueue", () => {
  it("keeps acts until a save that carried them is acknowledged, and never an act of no cells", () => {
    const queue = new ActAuditQueue();
    queue.add({ kind: "fillZero", tables: ["t3"], cells: 0 });
    expect(queue.pending()).toEqual([]);
    const fill = { kind: "fillZero", tables: ["t3", "t4"], cells: 159 } as const;
    queue.add(fill);
    const sent = queue.pending();
    // A save failed: the next one sends the act again, with what came since.
    const undo = { kind: "undoFillZero", tables: ["t3", "t4"], cells: 159 } as const;
    queue.add(undo);
    expect(queue.pending()).toEqual([fill, undo]);
    queue.acknowledge(sent);
    expect(queue.pending()).toEqual([undo]);
    queue.acknowledge(queue.pending());
    expect(queue.pending()).toEqual([]);
  });
});
