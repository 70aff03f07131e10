"use client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { JobStatus } from "@/components/jobs/job-status";
import { useFollowJob, type FollowedJob, type JobFollowActions } from "@/components/jobs/use-follow-job";
import { PublishConfirmation } from "@/components/review/publish-confirmation";
import { errorText, useReviewAction } from "@/components/review/use-review-action";
import type { ActionResult } from "@/lib/errors/action-result";
import { ProblemAlert } from "@/components/ui/problem-alert";

export type SummaryVersionItem = {
  sequence: number;
  /** 2026年2月3日. */
  publicationDateText: string;
  correctionNote: string | null;
  href: string;
};

/**
 * Publishing the county's summary as a frozen, public version, as a report is published:
 * the 样稿 first (page count, first page, what would stop it), then 确认发布, which queues
 * the publication as a job of the queue that the panel follows (排队中… / 正在发布… /
 * 已发布全县汇总第 N 版, or the failure with 重试). A later
 * version needs a 更正说明, offered prefilled with the units added since. The published
 * versions stay listed with their public pages.
 */
export function SummaryPublicationPanel({
  countyId,
  year,
  versions,
  suggestedNote,
  publish,
  publicationJob,
  followJob,
}: {
  countyId: string;
  year: number;
  /** Newest first. */
  versions: readonly SummaryVersionItem[];
  /** The 更正说明 offered for the next version (the units included since the last one). */
  suggestedNote: string;
  publish: (input: {
    countyId: string;
    year: number;
    expectedContent: string;
    correctionNote?: string;
  }) => Promise<ActionResult<FollowedJob>>;
  /** The publisher's latest publication job of the county and year (after a reload). */
  publicationJob: FollowedJob | null;
  followJob: JobFollowActions;
}) {
  const router = useRouter();
  // The new version's list and suggestion: read the page again once the job is over.
  const refresh = useCallback(() => router.refresh(), [router]);
  const publication = useFollowJob(publicationJob, followJob, refresh);
  const { run, error, isPending } = useReviewAction();
  const [isConfirming, setConfirming] = useState(false);
  const [correctionNote, setCorrectionNote] = useState(suggestedNote);
  // After a publication the page comes back with the next version's suggestion: take it.
  const [suggestionShown, setSuggestionShown] = useState(suggestedNote);
  if (suggestionShown !== suggestedNote) {
    setSuggestionShown(suggestedNote);
    setCorrectionNote(suggestedNote);
  }
  const isLaterVersion = versions.length > 0;
  const nextSequence = (versions[0]?.sequence ?? 0) + 1;
  return (
    <section className="review-decision" aria-labelledby="summary-publication-heading">
      <h2 id="summary-publication-heading">发布全县汇总</h2>
      <ProblemAlert title="发布未完成" message={errorText(error)} />
      {publication.problem && <ProblemAlert title="发布未完成" message={publication.problem} />}
      <JobStatus followed={publication} testId="summary-published" />
      {versions.length === 0 ? (
        <p>全县汇总尚未发布。发布后向社会公开，与各单位的报告一同列在公开网站上。</p>
      ) : (
        <ol className="pub-versions" reversed data-testid="summary-versions">
          {versions.map((version) => (
            <li key={version.sequence}>
              <a href={version.href}>第 {version.sequence} 版</a>，{version.publicationDateText}发布
              {version.correctionNote && <p className="muted">更正说明：{version.correctionNote}</p>}
            </li>
          ))}
        </ol>
      )}
      {isLaterVersion && (
        <div className="field">
          <label htmlFor="summary-correction-note">更正说明（发布第 {nextSequence} 版时必填，将随汇总公开）</label>
          <textarea
            id="summary-correction-note"
            className="input"
            rows={3}
            maxLength={2000}
            value={correctionNote}
            onChange={(event) => {
              setCorrectionNote(event.target.value);
              setConfirming(false);
            }}
          />
        </div>
      )}
      {isConfirming ? (
        <PublishConfirmation
          previewUrl={`/api/county-summary/${countyId}/${year}/preview`}
          correctionNote={isLaterVersion ? correctionNote : ""}
          isPending={isPending}
          onConfirm={({ contentSha256 }) =>
            run(
              () =>
                publish({
                  countyId,
                  year,
                  expectedContent: contentSha256 ?? "",
                  correctionNote: isLaterVersion ? correctionNote || undefined : undefined,
                }),
              (started) => {
                setConfirming(false);
                publication.follow(started);
              },
            )
          }
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="review-decision__buttons" hidden={publication.underWay}>
          <button className="button" type="button" disabled={isPending} onClick={() => setConfirming(true)}>
            {isLaterVersion ? `发布第 ${nextSequence} 版…` : "发布全县汇总…"}
          </button>
        </div>
      )}
    </section>
  );
}
