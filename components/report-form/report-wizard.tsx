"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { ActAuditQueue } from "@/lib/report-form/act-audit";
import { placeComments, type WizardComment } from "@/lib/report-form/comment-placement";
import type { WizardCountySummary } from "@/lib/report-form/county-summary-fill";
import { toFormValues, toReportData, type ReportFormValues } from "@/lib/report-form/form-values";
import { IssueStore } from "@/lib/report-form/issue-store";
import type { DraftPayload } from "@/lib/report-form/local-draft";
import type { PastePlan } from "@/lib/report-form/paste";
import { enableRenderProbeFromUrl, noteRender } from "@/lib/report-form/render-probe";
import { CHECK_STEP_ID, wizardSteps } from "@/lib/report-form/steps";
import type { Organization, ReportData } from "@/lib/report-data";
import { getLayout, type LayoutId } from "@/lib/template";
import type { ReportStatus } from "@/lib/workflow/transitions";
import { CarryOverPanel } from "./carry-over-panel";
import { CheckStep } from "./check-step";
import { CountySummaryPanel } from "./county-summary-panel";
import { ConflictPanel } from "./conflict-panel";
import { NarrativeStep } from "./narrative-step";
import { SaveStatus } from "./save-status";
import { StepList } from "./step-list";
import { StepPager } from "./step-pager";
import { TableStep } from "./table-step";
import { PastePreview } from "./paste-preview";
import { UnplacedComments } from "./unplaced-comments";
import { WorkbookPanel } from "./workbook-panel";
import { useAutosave, type SaveDraftAction } from "./use-autosave";
import { useFieldFocus } from "./use-field-focus";
import { useFormActs } from "./use-form-acts";
import { useLocalDraftRestore } from "./use-local-draft-restore";
import { useRuleEvaluation } from "./use-rule-evaluation";
import { useStepNavigation } from "./use-step-navigation";
import { useSubmitReport, type SubmitReportAction } from "./use-submit-report";
import { WizardContext, type WizardContextValue } from "./wizard-context";

export interface ReportWizardProps {
  readonly reportId: string;
  readonly version: number;
  readonly status: ReportStatus;
  /** ISO time of the last save. */
  readonly savedAt: string;
  readonly layoutId: LayoutId;
  readonly data: ReportData;
  readonly organization?: Organization;
  readonly previousYear: ReportData | null;
  readonly comments: readonly WizardComment[];
  readonly saveDraft: SaveDraftAction;
  readonly submitReport: SubmitReportAction;
  /** A county government's report in 全县 mode: the county summary its tables should state. */
  readonly countySummary?: WizardCountySummary | null;
}

/**
 * The clerk's wizard: one step per section of the layout, then 检查并提交. All fields live
 * in one react-hook-form; each cell and total subscribes to exactly its own values, so the
 * root subscribes to nothing that changes while typing. The rules, autosave, the browser
 * copy, focus and submitting are hooks of their own; this component puts them together.
 */
export function ReportWizard(props: ReportWizardProps) {
  noteRender("ReportWizard");
  const { reportId, previousYear, countySummary } = props;
  // Memoized, so the compiler's checks treat the layout as the immutable data it is.
  const layout = useMemo(() => getLayout(props.layoutId), [props.layoutId]);
  const meta = props.data.meta;
  const steps = wizardSteps(layout);
  const form = useForm<ReportFormValues>({ defaultValues: toFormValues(layout, props.data) });
  const { control, setValue, getValues, watch } = form;
  const [issues] = useState(() => new IssueStore(layout));
  const [auditQueue] = useState(() => new ActAuditQueue());
  const comments = useMemo(() => placeComments(layout, props.comments), [layout, props.comments]);

  const readData = useCallback((): ReportData => toReportData(layout, getValues(), meta), [layout, getValues, meta]);
  const readPayload = useCallback((): DraftPayload => {
    const data = readData();
    return { cells: data.cells as Record<string, number | null>, narrative: data.narrative as Record<string, string> };
  }, [readData]);

  useEffect(() => enableRenderProbeFromUrl(window), []);
  useRuleEvaluation({
    watch,
    layout,
    readData,
    issues,
    previousYear,
    organization: props.organization,
    countySummary: countySummary?.data,
  });
  const { saver } = useAutosave({
    form,
    layout,
    meta,
    reportId,
    version: props.version,
    savedAt: props.savedAt,
    readPayload,
    saveDraft: props.saveDraft,
    auditQueue,
  });
  const [pasteResults, setPasteResults] = useState<ReadonlyMap<string, PastePlan>>(new Map());
  const onPasted = useCallback((gridId: string, plan: PastePlan) => {
    setPasteResults((previous) => new Map(previous).set(gridId, plan));
  }, []);
  const {
    acts,
    notice: actNotice,
    pending: pendingPaste,
  } = useFormActs({ form, layout, issues, onPasted, auditQueue });
  const notice = useLocalDraftRestore({
    serverCopy: { version: props.version, status: props.status, data: props.data, updatedAt: props.savedAt },
    saver,
  });
  const { stepId, goToStep } = useStepNavigation({ steps, issues, saver });
  const { focusField, headingRef } = useFieldFocus({ stepId, goToStep, issues });
  const submit = useSubmitReport({ reportId, saver, submitReport: props.submitReport });

  const context = useMemo<WizardContextValue>(
    () => ({
      layout,
      meta,
      control,
      setValue,
      getValues,
      issues,
      comments,
      focusField,
      onPasted,
      acts,
      cellSources: countySummary?.sources,
    }),
    [layout, meta, control, setValue, getValues, issues, comments, focusField, onPasted, acts, countySummary],
  );

  const step = steps.find((s) => s.id === stepId) ?? steps[0]!;
  return (
    <WizardContext.Provider value={context}>
      <div className="wizard">
        <div className="wizard__bar">
          <SaveStatus saver={saver} />
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <ConflictPanel saver={saver} />
        <UnplacedComments />
        {previousYear && <CarryOverPanel previousYear={previousYear} openedWith={props.data} />}
        {countySummary && <CountySummaryPanel summary={countySummary} />}
        <WorkbookPanel reportId={reportId} previousYear={previousYear} organization={props.organization} />
        <div className="wizard__layout">
          <StepList steps={steps} currentStepId={step.id} onSelect={goToStep} commentCounts={comments.countByStep} />
          <div className="wizard__step">
            <h2 className="wizard__step-title" tabIndex={-1} ref={headingRef} data-testid="step-title">
              {step.title}
            </h2>
            {step.section?.kind === "table" && (
              <TableStep section={step.section} pasteResults={pasteResults} actNotice={actNotice} />
            )}
            {step.section?.kind === "narrative" && <NarrativeStep stepId={step.id} previousYear={previousYear} />}
            {step.id === CHECK_STEP_ID && <CheckStep onSubmit={submit} saver={saver} />}
            <StepPager steps={steps} currentStepId={step.id} onSelect={goToStep} />
          </div>
        </div>
        {pendingPaste && <PastePreview pending={pendingPaste} />}
      </div>
    </WizardContext.Provider>
  );
}
