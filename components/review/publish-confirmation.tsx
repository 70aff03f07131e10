"use client";
import { useEffect, useRef, useState } from "react";
import { PdfFirstPage } from "./pdf-first-page";

type Preview = {
  pdf: ArrayBuffer;
  url: string;
  pageCount: number;
  problems: { field: string; message: string }[];
  /** What the 样稿 was made of, when the preview says (X-Content-Sha256): publishing checks it. */
  contentSha256: string | null;
};

/**
 * The last step before a report is frozen for good: the reviewer sees the exact PDF the
 * publication will be (as a 样稿, from the same renderer, with the 成文日期 and 更正说明
 * just chosen) — its page count, its first page, the whole document a click away — and
 * what would still stop it (统计期限 not over, a 成文日期 that does not fit). Only then
 * does 确认发布 publish.
 */
export function PublishConfirmation({
  previewUrl,
  documentDate,
  correctionNote,
  isPending,
  onConfirm,
  onCancel,
}: {
  /** Where the 样稿 is asked for (POST, with the 成文日期 and 更正说明). */
  previewUrl: string;
  /** The 成文日期 chosen; undefined for a document that has none (a county summary). */
  documentDate?: string;
  correctionNote: string;
  isPending: boolean;
  onConfirm: (confirmed: { contentSha256: string | null }) => void;
  onCancel: () => void;
}) {
  // The answer for the choices it was asked with: a change of 成文日期 or 更正说明 asks again,
  // and an older answer is not shown for the new choices.
  const request = JSON.stringify([previewUrl, documentDate, correctionNote]);
  const [answer, setAnswer] = useState<{ request: string; preview?: Preview; error?: string } | null>(null);
  const preview = answer?.request === request ? (answer.preview ?? null) : null;
  const error = answer?.request === request ? (answer.error ?? null) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let isCurrent = true;
    let url: string | null = null;
    (async () => {
      const response = await fetch(previewUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ documentDate: documentDate || undefined, correctionNote: correctionNote || undefined }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "样稿生成失败，请稍后重试。");
      }
      const pdf = await response.arrayBuffer();
      url = URL.createObjectURL(new Blob([pdf], { type: "application/pdf" }));
      const problems = JSON.parse(decodeURIComponent(response.headers.get("X-Publication-Problems") ?? "%5B%5D"));
      if (isCurrent)
        setAnswer({
          request,
          preview: {
            pdf,
            url,
            pageCount: Number(response.headers.get("X-Page-Count") ?? 0),
            problems,
            contentSha256: response.headers.get("X-Content-Sha256"),
          },
        });
    })().catch((cause: unknown) => {
      if (isCurrent)
        setAnswer({ request, error: cause instanceof Error ? cause.message : "样稿生成失败，请稍后重试。" });
    });
    return () => {
      isCurrent = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [request, previewUrl, documentDate, correctionNote]);

  return (
    <section
      className="publish-confirmation"
      aria-labelledby="publish-confirmation-heading"
      data-testid="publish-confirmation"
    >
      <h3 id="publish-confirmation-heading" tabIndex={-1} ref={heading}>
        确认发布
      </h3>
      <p>发布后报告即冻结为正式文件并向社会公开，不能修改，只能发起更正另出新版本。请核对将要发布的样稿：</p>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {!preview && !error && <p role="status">正在生成样稿…</p>}
      {preview && (
        <>
          <p data-testid="publish-page-count">
            共 <strong>{preview.pageCount}</strong> 页
            {documentDate !== undefined && `，成文日期 ${documentDate || "（发布当日）"}`}。
            <a href={preview.url} target="_blank" rel="noopener" download="样稿.pdf">
              打开完整样稿（PDF）
            </a>
          </p>
          {preview.problems.length > 0 && (
            <div className="error-summary" role="alert" data-testid="publish-problems">
              <h4>现在还不能发布</h4>
              <ul>
                {preview.problems.map((problem) => (
                  <li key={problem.field}>{problem.message}</li>
                ))}
              </ul>
            </div>
          )}
          <figure className="publish-confirmation__page">
            <PdfFirstPage pdf={preview.pdf} label="样稿第 1 页" />
            <figcaption>样稿第 1 页</figcaption>
          </figure>
        </>
      )}
      <div className="review-decision__buttons">
        <button
          className="button"
          type="button"
          disabled={isPending || !preview || preview.problems.length > 0}
          onClick={() => preview && onConfirm({ contentSha256: preview.contentSha256 })}
        >
          确认发布
        </button>
        <button className="button button--secondary" type="button" disabled={isPending} onClick={onCancel}>
          返回修改
        </button>
      </div>
    </section>
  );
}
