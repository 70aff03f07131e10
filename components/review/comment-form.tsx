"use client";
import { useEffect, useRef, useState } from "react";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { CommentTargetOption } from "@/lib/review/comment-target-options";
import { errorText, useReviewAction, type ReviewActionResult } from "./use-review-action";

export type AddCommentAction = (input: {
  reportId: string;
  target: string;
  body: string;
  expectedVersion: number;
}) => Promise<ReviewActionResult>;

const groupLabels = { section: "章节", row: "表格行", cell: "单元格" } as const;

/** Writes a comment on a section, a table row or a cell of the report under review. */
export function CommentForm({
  reportId,
  version,
  targets,
  maxLength,
  addComment,
}: {
  reportId: string;
  version: number;
  targets: readonly CommentTargetOption[];
  maxLength: number;
  addComment: AddCommentAction;
}) {
  const [target, setTarget] = useState("");
  const [body, setBody] = useState("");
  const { run, error, isPending } = useReviewAction();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const message = errorText(error);
  // A click on a figure in the document picks that cell as the comment's place.
  useEffect(() => {
    const known = new Set(targets.map((option) => option.target));
    const onClick = (event: MouseEvent) => {
      const cell = (event.target as Element | null)?.closest?.("[data-cell-id]");
      const target = cell ? `cell:${cell.getAttribute("data-cell-id")}` : null;
      if (target && known.has(target)) {
        setTarget(target);
        bodyRef.current?.focus();
      }
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [targets]);
  return (
    <form
      className="review-comment-form"
      aria-labelledby="comment-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => addComment({ reportId, target, body, expectedVersion: version }),
          () => setBody(""),
        );
      }}
    >
      <h3 id="comment-form-heading">添加批注</h3>
      {message && (
        <p className="field__error" role="alert">
          {message}
        </p>
      )}
      <div className="field">
        <label htmlFor="comment-target">批注位置</label>
        <select
          id="comment-target"
          className="input"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          required
        >
          <option value="">请选择章节、表格行或单元格</option>
          {(["section", "row", "cell"] as const).map((kind) => (
            <optgroup key={kind} label={groupLabels[kind]}>
              {targets
                .filter((option) => option.kind === kind)
                .map((option) => (
                  <option key={option.target} value={option.target}>
                    {option.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <TextAreaField
        ref={bodyRef}
        id="comment-body"
        label="批注内容"
        hint={`不超过 ${maxLength} 字。也可以点击报告中的数字选择该单元格。填报人员会在填报页面的对应位置看到这条批注。`}
        value={body}
        onChange={setBody}
        maxLength={maxLength}
      />
      <button className="button button--secondary" type="submit" disabled={isPending}>
        {isPending ? "正在保存…" : "添加批注"}
      </button>
    </form>
  );
}
