"use client";
import { memo } from "react";
import { useWatch } from "react-hook-form";
import { narrativeFieldName } from "@/lib/report-form/form-values";
import { noteRender } from "@/lib/report-form/render-probe";
import { MAX_NARRATIVE_LENGTH, textCharacterProblem, withoutRefusedCharacters } from "@/lib/report-data";
import type { NarrativeId } from "@/lib/template";
import { CommentNotes } from "./comment-notes";
import { useFieldIssue } from "./field-issue";
import { RepetitionWarning } from "./repetition-warning";
import { fieldElementId, messageElementId, useWizard } from "./wizard-context";

/**
 * One text of the report (the opening, a section, a part of 一), with last year's text
 * offered as a start. A character the save would refuse (a broken emoji shown as �, an
 * invisible control character from pasted text) is pointed at here, with a button that
 * removes it, since the clerk can hardly find it by eye.
 */
export const NarrativeField = memo(function NarrativeField({
  fieldId,
  heading,
  isRequired,
  hint,
  lastYear,
}: {
  fieldId: NarrativeId;
  heading: string;
  isRequired: boolean;
  hint?: string;
  lastYear?: string;
}) {
  noteRender("NarrativeField");
  const { control, setValue, comments } = useWizard();
  const name = narrativeFieldName(fieldId);
  const value = (useWatch({ control, name, exact: true }) as string | undefined) ?? "";
  const issue = useFieldIssue(fieldId);
  const characterProblem = textCharacterProblem(value);
  const fieldComments = comments.bySection.get(fieldId);
  const id = fieldElementId(fieldId);
  const messageId = messageElementId(fieldId);
  const hintId = `hint-${fieldId}`;
  const describedBy =
    [hint ? hintId : null, issue || characterProblem || fieldComments ? messageId : null].filter(Boolean).join(" ") ||
    undefined;
  const severity = characterProblem ? "error" : issue?.severity;
  return (
    <div className={severity ? `field field--${severity}` : "field"}>
      <label className="field__label" htmlFor={id}>
        {heading}
        {!isRequired && <span className="muted">（选填）</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {(issue || characterProblem || fieldComments) && (
        <div id={messageId}>
          {characterProblem && (
            <p className="field__error form-cell__message--error" data-testid="character-problem">
              {characterProblem}。{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => setValue(name, withoutRefusedCharacters(value))}
              >
                删除这些字符
              </button>
            </p>
          )}
          {issue && (
            <p className={`field__error form-cell__message--${issue.severity}`} data-testid="field-message">
              {issue.message}
            </p>
          )}
          <CommentNotes comments={fieldComments} />
        </div>
      )}
      <textarea
        id={id}
        className="textarea"
        rows={Math.min(16, Math.max(5, Math.ceil(value.length / 45) + 1))}
        maxLength={MAX_NARRATIVE_LENGTH}
        aria-describedby={describedBy}
        aria-invalid={severity === "error" ? true : undefined}
        value={value}
        onChange={(event) => setValue(name, event.target.value)}
      />
      <RepetitionWarning fieldId={fieldId} value={value} />
      {lastYear && (
        <details className="last-year">
          <summary>查看上年度的“{heading}”</summary>
          <p className="last-year__text">{lastYear}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={value.trim() !== ""}
            onClick={() => setValue(name, lastYear)}
          >
            以上年文字为起点
          </button>
          {value.trim() !== "" && <span className="muted">（本栏已有内容，如需使用请先清空）</span>}
        </details>
      )}
    </div>
  );
});
