import type { Metadata } from "next";
import Link from "next/link";
import { ReportDocument } from "@/lib/render/html/report-document";
import "@/lib/render/html/report-document.css";
import { ChangeList } from "@/components/review/change-list";
import { CommentForm } from "@/components/review/comment-form";
import { CommentList } from "@/components/review/comment-list";
import { DecisionBar } from "@/components/review/decision-bar";
import { ImportPanel } from "@/components/review/import-panel";
import { RepetitionPanel } from "@/components/review/repetition-panel";
import { ReviewFindings } from "@/components/review/review-findings";
import { ReviewHistory } from "@/components/review/review-history";
import "@/components/review/review.css";
import { StatusTag } from "@/components/ui/status-tag";
import { fromDateColumn } from "@/lib/format/calendar-day";
import { formatDateTime } from "@/lib/format/date-time";
import { formatDateZh } from "@/lib/format/format-date-zh";
import { MAX_REVIEW_COMMENT_LENGTH } from "@/lib/reports/add-review-comment";
import { getReviewReport } from "@/lib/reports/get-review-report";
import { loadReportPublicationJob } from "@/lib/jobs/publish-report-job";
import { loadStaffPage } from "@/lib/server/page-guard";
import { readJobProgressAction, retryJobAction } from "../../../jobs/actions";
import {
  addReviewCommentAction,
  approveReportAction,
  confirmImportAction,
  publishReportAction,
  reopenReportAction,
  resolveReviewCommentAction,
  returnReportAction,
} from "../../actions";
import { YearComparisonPanel } from "./year-comparison-panel";

export const metadata: Metadata = { title: "审核报告" };

export default async function ReviewReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { review, publicationJob, user } = await loadStaffPage({
    page: "/review/reports/[id]",
    params,
    action: "report.read",
    authorize: ({ actor, params: { id } }) => getReviewReport(actor, id),
    load: async ({ actor, loaded: review }) => ({
      review,
      publicationJob: await loadReportPublicationJob(actor, review.report),
    }),
  });
  const { report, repetition } = review;
  return (
    <main id="main" className="page review-page">
      <p>
        <Link href="/review">← 返回审核工作台</Link>
      </p>
      <h1 data-testid="report-title">
        {report.organizationName} {report.year} 年政府信息公开工作年度报告
      </h1>
      <dl className="summary-list">
        <dt>状态</dt>
        <dd data-testid="report-status">
          <StatusTag status={report.status} />
        </dd>
        <dt>最后修改</dt>
        <dd>{formatDateTime(report.updatedAt)}</dd>
        {report.submittedAt && (
          <>
            <dt>提交时间</dt>
            <dd>{formatDateTime(report.submittedAt)}</dd>
          </>
        )}
        {review.publications.length > 0 && (
          <>
            <dt>已发布版本</dt>
            <dd>
              <ul className="review-publications">
                {review.publications.map((publication) => (
                  <li key={publication.sequence}>
                    <a href={`/reports/${report.id}/v/${publication.sequence}`}>第 {publication.sequence} 版</a>（
                    {publication.publicationDate
                      ? formatDateZh(fromDateColumn(publication.publicationDate))
                      : "发布日期未注明"}
                    发布）
                    {publication.correctionNote && (
                      <span className="review-text"> 更正说明：{publication.correctionNote}</span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <p className="review-links">
        <a href={`/api/reports/${report.id}/preview`} target="_blank" rel="noopener" data-testid="preview-pdf">
          预览 PDF（样稿，按现在发布的样子生成）
        </a>
        <a href={`/api/reports/${report.id}/data`}>下载报告数据（JSON）</a>
      </p>
      {review.imported && (
        <ImportPanel
          imported={review.imported}
          textCorrections={review.textCorrections}
          sourceHref={review.can.downloadSource ? `/review/reports/${report.id}/source` : null}
          isCorrection={review.publications.length > 0}
        />
      )}

      <div className="review-layout">
        <div className="review-layout__document">
          <h2 className="review-layout__label">报告全文（发布后的样式）</h2>
          <ReportDocument view={review.view} idPrefix="review" />
        </div>
        <aside className="review-layout__panel" aria-label="审核">
          <ReviewFindings
            errors={review.errors}
            warnings={review.warnings}
            isImport={review.imported?.isPending ?? false}
          />
          <ChangeList changes={review.changes} />
          <RepetitionPanel {...repetition} />
          <CommentList
            comments={review.comments}
            targets={review.targets}
            resolve={
              review.can.resolveComment
                ? { reportId: report.id, resolveComment: resolveReviewCommentAction }
                : undefined
            }
          />
          {review.can.comment && (
            <CommentForm
              reportId={report.id}
              version={report.version}
              targets={review.targets}
              maxLength={MAX_REVIEW_COMMENT_LENGTH}
              addComment={addReviewCommentAction}
            />
          )}
          <DecisionBar
            reportId={report.id}
            version={report.version}
            allowed={review.can.transitions}
            isCorrection={review.publications.length > 0}
            documentDate={report.documentDate}
            actions={{
              returnReport: returnReportAction,
              approveReport: approveReportAction,
              publishReport: publishReportAction,
              reopenReport: reopenReportAction,
              confirmImport: confirmImportAction,
            }}
            publicationJob={publicationJob}
            followJob={{ readProgress: readJobProgressAction, retry: retryJobAction }}
          />
          <ReviewHistory events={review.history} />
        </aside>
      </div>
      <YearComparisonPanel reportId={report.id} user={user} />
    </main>
  );
}
