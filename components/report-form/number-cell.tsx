"use client";
import { memo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useWatch } from "react-hook-form";
import { formatCellInput, parseCellInput } from "@/lib/report-form/cell-input";
import { cellFieldName } from "@/lib/report-form/form-values";
import { nextEditableCell, type Direction, type GridShape } from "@/lib/report-form/grid-shape";
import { isBlockPaste, needsPreview, parseClipboardTable, planSheetPaste } from "@/lib/report-form/paste";
import { noteRender } from "@/lib/report-form/render-probe";
import type { CellType } from "@/lib/template";
import { CommentNotes } from "./comment-notes";
import { useFieldIssue } from "./field-issue";
import { fieldElementId, messageElementId, useWizard } from "./wizard-context";

function focusCell(cellId: string | undefined): void {
  if (!cellId) return;
  const input = document.getElementById(fieldElementId(cellId));
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/** Ctrl+Z (⌘Z): undo, not redo (Shift). */
export function isUndoKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "z";
}

/**
 * One figure the clerk types. Subscribes to its own value only (useWatch), keeps what was
 * typed while it is not yet a number, and hands refusals to the issue store so they show
 * here and in the step's error summary.
 */
export const NumberCell = memo(function NumberCell({
  cellId,
  type,
  label,
  shape,
}: {
  cellId: string;
  type: CellType;
  label: string;
  shape: GridShape;
}) {
  noteRender("NumberCell");
  const { control, setValue, getValues, issues, comments, layout, acts, cellSources } = useWizard();
  // Typed in since it got the focus: Ctrl+Z is then the browser's undo of that typing.
  const typedSinceFocus = useRef(false);
  const name = cellFieldName(cellId);
  const value = useWatch({ control, name, exact: true }) as number | null | undefined;
  const [text, setText] = useState(() => formatCellInput(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // Changed from outside (paste, carry-over, the other version chosen): show it.
    setShown(value);
    setText(formatCellInput(value));
  }
  const issue = useFieldIssue(cellId);
  const cellComments = comments.byCell.get(cellId);

  const commit = (next: number | null): void => {
    setShown(next);
    if (next !== (getValues(name) ?? null)) setValue(name, next);
  };

  const onChange = (raw: string): void => {
    typedSinceFocus.current = true;
    setText(raw);
    const parsed = parseCellInput(raw, type);
    if (parsed.ok) {
      issues.setEntryError(cellId, null);
      commit(parsed.value);
    } else if (!parsed.isIncomplete) {
      issues.setEntryError(cellId, parsed.message);
    } else {
      // Not a figure yet: no message while typing, but totals over the cell wait.
      issues.setEntryUnfinished(cellId);
    }
  };

  const onBlur = (): void => {
    const parsed = parseCellInput(text, type);
    if (parsed.ok) setText(formatCellInput(parsed.value));
    else issues.setEntryError(cellId, parsed.message);
  };

  const move = (direction: Direction): void => focusCell(nextEditableCell(shape, cellId, direction));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    if (isUndoKey(event)) {
      // The last paste or fill, as one step, unless the clerk is undoing their own typing here.
      if (!typedSinceFocus.current && acts.undoLast()) event.preventDefault();
      return;
    }
    const input = event.currentTarget;
    // Left/right move between cells when the caret is at the input's edge, or when the whole
    // figure is selected (as after arriving by Enter or an arrow); otherwise they move the caret.
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const atStart = allSelected || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd =
      allSelected || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
    const direction: Direction | null =
      event.key === "Enter"
        ? event.shiftKey
          ? "up"
          : "down"
        : event.key === "ArrowUp"
          ? "up"
          : event.key === "ArrowDown"
            ? "down"
            : event.key === "ArrowLeft" && atStart
              ? "left"
              : event.key === "ArrowRight" && atEnd
                ? "right"
                : null;
    if (!direction) return;
    event.preventDefault();
    move(direction);
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const pasted = event.clipboardData.getData("text/plain");
    if (!isBlockPaste(pasted)) return;
    event.preventDefault();
    const plan = planSheetPaste(
      layout,
      shape,
      cellId,
      parseClipboardTable(pasted),
      (id) => getValues(cellFieldName(id)) ?? null,
    );
    if (needsPreview(plan)) acts.previewPaste({ gridId: shape.gridId, cellId, plan });
    else acts.applyPaste(shape.gridId, plan);
  };

  const id = fieldElementId(cellId);
  const messageId = messageElementId(cellId);
  const source = cellSources?.[cellId];
  return (
    <td
      className={issue ? `form-cell form-cell--${issue.severity}` : "form-cell"}
      title={source === undefined ? undefined : `来源：${source}`}
      data-source={source}
    >
      <input
        id={id}
        className="form-cell__input"
        type="text"
        inputMode={type === "count" ? "numeric" : "decimal"}
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={issue?.severity === "error" ? true : undefined}
        aria-describedby={issue || cellComments ? messageId : undefined}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        onFocus={() => {
          typedSinceFocus.current = false;
        }}
        onPaste={onPaste}
        data-cell={cellId}
      />
      {(issue || cellComments) && (
        <div id={messageId}>
          {issue && (
            <span className={`form-cell__message form-cell__message--${issue.severity}`} data-testid="cell-message">
              {issue.message}
            </span>
          )}
          <CommentNotes comments={cellComments} />
        </div>
      )}
    </td>
  );
});
