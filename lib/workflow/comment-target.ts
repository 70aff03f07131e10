/**
 * Where a review comment points: one cell, one row of a table, or a whole section (a
 * narrative part or a table). Stored as a string in ReviewComment.target and shared by the
 * review page (where comments are written) and the clerk's wizard (where they are shown).
 *
 *   cell:t3.r1.natural      a cell, by its stable cell id
 *   row:t3.r3_1             a row: table id and leaf row id
 *   section:s1.onRequest    a section or part: a narrative id or a table id (t2, t3, t4)
 *
 * Universal code: no I/O.
 */
import { z } from "zod";

export type CommentTarget =
  | { kind: "cell"; cellId: string }
  | { kind: "row"; tableId: string; rowId: string }
  | { kind: "section"; sectionId: string };

const idPattern = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+){0,3}$/;

export function formatCommentTarget(target: CommentTarget): string {
  switch (target.kind) {
    case "cell":
      return `cell:${target.cellId}`;
    case "row":
      return `row:${target.tableId}.${target.rowId}`;
    case "section":
      return `section:${target.sectionId}`;
  }
}

/** Reads a stored or submitted target; null for anything malformed. */
export function parseCommentTarget(value: string): CommentTarget | null {
  const match = /^(cell|row|section):(.{1,80})$/.exec(value);
  if (!match || !idPattern.test(match[2]!)) return null;
  const [, kind, id] = match as unknown as [string, "cell" | "row" | "section", string];
  if (kind === "cell") return id.includes(".") ? { kind, cellId: id } : null;
  if (kind === "section") return { kind, sectionId: id };
  const dot = id.indexOf(".");
  return dot > 0 ? { kind, tableId: id.slice(0, dot), rowId: id.slice(dot + 1) } : null;
}

/** A zod field for a target in a form or request; the layout check is the caller's. */
export const commentTargetField = z
  .string()
  .max(100)
  .refine((value) => parseCommentTarget(value) !== null, { error: "批注位置无效" });
