import type { Metadata } from "next";
import Link from "next/link";
import { ReportDocument } from "@/lib/render/html/report-document";
import "@/lib/render/html/report-document.css";
import { RepetitionProvider } from "@/components/report-form/repetition-context";
import { CommentReplies } from "@/components/report-form/comment-replies";
import { ReportWizard } from "@/components/report-form/report-wizard";
import "@/components/report-form/report-form.css";
import { StatusTag } from "@/components/ui/status-tag";
import { formatDateTime } from "@/lib/format/date-time";
import { toReportView } from "@/lib/render/to-report-view";
import { layoutOf, loadPreviousYearData, parseStoredData } from "@/lib/reports/evaluate-stored-report";
import { getCountyReportSummary } from "@/lib/reports/get-county-summary";
import { getReport } from "@/lib/reports/get-report";
import { findCountyRepetitionForClerk } from "@/lib/reports/find-report-repetition";
import { getReturnComment } from "@/lib/reports/get-return-comment";
import { MAX_REVIEW_COMMENT_LENGTH } from "@/lib/reports/add-review-comment";
import { listClerkComments } from "@/lib/reports/list-clerk-comments";
import { findCommentTarget } from "@/lib/review/comment-target-options";
import { can } from "@/lib/workflow/policy";
import { loadStaffPage } from "@/lib/server/page-guard";
import type { ReportStatus } from "@/lib/workflow/transitions";
import { SeasonBanner } from "../../season-banner";
import { replyToReviewCommentAction, saveDraftAction, submitReportAction } from "./actions";

export const metadata: Metadata = { title: "填写年度报告" };

export default async function ClerkReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { loaded, comments, returnComment, previousYear, isEditable, countyRepetition, countySummary } =
    await loadStaffPage({
      page: "/clerk/reports/[id]",
      params,
      action: "report.read",
      authorize: ({ actor, params: { id } }) => getReport(actor, id),
      load: async ({ actor, loaded }) => {
        const isEditable = can(actor, "report.edit", loaded.subject);
        const [comments, returnComment, previousYear, countyRepetition, countySummary] = await Promise.all([
          listClerkComments(loaded),
          loaded.report.status === "RETURNED" ? getReturnComment(loaded) : Promise.resolve(null),
          isEditable
            ? loadPreviousYearData(loaded.report.organizationId, loaded.report.year)
            : Promise.resolve(undefined),
          isEditable ? findCountyRepetitionForClerk(loaded) : Promise.resolve(undefined),
          // 全县 mode: the county government's tables are written against the county summary.
          isEditable ? getCountyReportSummary(actor, loaded.report) : Promise.resolve(null),
        ]);
        return { loaded, comments, returnComment, previousYear, isEditable, countyRepetition, countySummary };
      },
    });
  const { report } = loaded;
  const layout = layoutOf(report);
  const data = parseStoredData(layout, report.data);
  const organization = { name: report.organization.name, kind: report.organization.kind };
  const status = report.status as ReportStatus;

  return (
    <main id="main" className="page page--wide">
      <p>
        <Link href="/clerk">← 返回我的报告</Link>
      </p>
      <h1 data-testid="report-title">
        {report.organization.name} {report.year} 年政府信息公开工作年度报告
      </h1>
      <p>
        <StatusTag status={status} /> <span className="muted">报告格式：{layout.basis}</span>
      </p>
      <SeasonBanner organizationId={report.organizationId} year={report.year} onlyYear />
      <p>
        <a href={`/api/reports/${report.id}/preview`} target="_blank" rel="noopener" data-testid="preview-pdf">
          预览 PDF（样稿）
        </a>
        <span className="muted">
          ：按最近一次保存的内容生成，与发布时冻结的 PDF 相同（成文日期在审核通过时确定，样稿先按今天的日期排）。
        </span>
      </p>
      {returnComment && (
        <div className="notice notice--warning" data-testid="return-comment">
          <h2 className="notice__title">{returnComment.kind === "correction" ? "更正原因" : "审核退回意见"}</h2>
          {returnComment.kind === "correction" && (
            <p>本报告已发布，审核人员发起了更正：请按以下原因修改后重新提交，发布后将作为新版本公开，原版本保留。</p>
          )}
          <p>{returnComment.comment}</p>
          <p className="muted">
            {returnComment.reviewerName ?? "审核人员"} · {formatDateTime(returnComment.at)}
            {comments.length > 0 ? ` · 另有 ${comments.length} 条意见已标注在相应位置` : ""}
          </p>
        </div>
      )}
      {isEditable && (
        <CommentReplies
          reportId={report.id}
          maxLength={MAX_REVIEW_COMMENT_LENGTH}
          replyToComment={replyToReviewCommentAction}
          comments={comments.map((comment) => ({
            id: comment.id,
            label: findCommentTarget(layout, comment.target)?.label ?? "其他",
            body: comment.body,
            authorName: comment.authorName,
            isResolved: comment.resolvedAt !== null,
            reply: comment.reply,
          }))}
        />
      )}
      {isEditable ? (
        <RepetitionProvider
          layoutId={layout.id}
          meta={data.meta}
          previousYear={previousYear ?? null}
          repetition={countyRepetition}
        >
          <ReportWizard
            reportId={report.id}
            version={report.version}
            status={status}
            savedAt={report.updatedAt.toISOString()}
            layoutId={layout.id}
            data={data}
            organization={organization}
            previousYear={previousYear ?? null}
            countySummary={countySummary}
            comments={comments.map((comment) => ({
              id: comment.id,
              target: comment.target,
              body: comment.body,
              authorName: comment.authorName,
              createdAt: comment.createdAt.toISOString(),
              isResolved: comment.resolvedAt !== null,
              reply: comment.reply,
            }))}
            saveDraft={saveDraftAction}
            submitReport={submitReportAction}
          />
        </RepetitionProvider>
      ) : (
        <>
          {loaded.subject.isPendingImport && (
            <p className="notice notice--success" data-testid="import-submitted">
              已提交审核：审核人员确认后公开。
              {report.publishedAt && "确认前，公众仍看到已发布的版本。"}
            </p>
          )}
          <p className="notice" data-testid="read-only">
            报告{status === "SUBMITTED" ? "已提交，正在审核" : status === "APPROVED" ? "已审核通过" : "已发布"}
            ，不能修改。如需修改，请联系审核人员退回。最后保存于 {formatDateTime(report.updatedAt)}。
          </p>
          <ReportDocument
            view={toReportView(layout, data, { organizationName: report.organization.name, year: report.year })}
          />
        </>
      )}
    </main>
  );
}
