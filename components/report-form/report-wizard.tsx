"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { evaluateReport } from "@/lib/rules";
import { planCarryOver, type CarryOverPlan } from "@/lib/report-form/carry-over";
import { placeComments, type WizardComment } from "@/lib/report-form/comment-placement";
import { DraftSaver, type SaveOutcome } from "@/lib/report-form/draft-saver";
import { cellFieldName, toFormValues, toReportData, type ReportFormValues } from "@/lib/report-form/form-values";
import { IssueStore } from "@/lib/report-form/issue-store";
import { readLocalDrafts, removeLocalDrafts, type DraftPayload } from "@/lib/report-form/local-draft";
import type { PastePlan } from "@/lib/report-form/paste";
import { enableRenderProbe, noteRender } from "@/lib/report-form/render-probe";
import { CHECK_STEP_ID, stepProgress, wizardSteps } from "@/lib/report-form/steps";
import type { Organization, ReportData, ServerCopy } from "@/lib/report-data";
import { getLayout, type LayoutId } from "@/lib/template";
import { CheckStep, type SubmitResult } from "./check-step";
import { ConflictPanel } from "./conflict-panel";
import { NarrativeStep } from "./narrative-step";
import { SaveStatus } from "./save-status";
import { StepList } from "./step-list";
import { TableStep } from "./table-step";
import { fieldElementId, WizardContext, type WizardContextValue } from "./wizard-context";

/** What the server actions answer (lib/server/define-action's ActionResult, restated: components do not import lib/server). */
export type ActionAnswer<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown };

export interface ReportWizardProps {
  readonly reportId: string;
  readonly version: number;
  /** ISO time of the last save. */
  readonly savedAt: string;
  readonly layoutId: LayoutId;
  readonly data: ReportData;
  readonly organization?: Organization;
  readonly previousYear: ReportData | null;
  readonly comments: readonly WizardComment[];
  readonly saveDraft: (
    input: { reportId: string; expectedVersion: number } & DraftPayload,
  ) => Promise<ActionAnswer<{ version: number; savedAt: string }>>;
  readonly submitReport: (input: {
    reportId: string;
    expectedVersion: number;
    acknowledgements: Record<string, string>;
  }) => Promise<ActionAnswer<{ status: string; version: number }>>;
}

const EVALUATE_DELAY_MS = 120;

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function samePayload(a: DraftPayload, b: DraftPayload): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The clerk's wizard: one step per section of the layout, then 检查并提交. All fields live
 * in one react-hook-form; each cell and total subscribes to exactly its own values, the
 * rule engine runs debounced outside rendering and publishes through the issue store,
 * and the draft saver autosaves, keeps a browser copy and stops on a conflict.
 */
export function ReportWizard(props: ReportWizardProps) {
  noteRender("ReportWizard");
  const { reportId, previousYear, organization } = props;
  const layout = getLayout(props.layoutId);
  const meta = props.data.meta;
  const form = useForm<ReportFormValues>({ defaultValues: toFormValues(layout, props.data) });
  const { control, setValue, getValues, reset } = form;
  const [issues] = useState(() => new IssueStore(layout));
  const comments = useMemo(() => placeComments(layout, props.comments), [layout, props.comments]);
  const steps = wizardSteps(layout);
  const [stepId, setStepId] = useState(steps[0]!.id);
  const pendingFocus = useRef<string | null>(null);
  const isApplyingServerCopy = useRef(false);
  const [pasteResults, setPasteResults] = useState<ReadonlyMap<string, PastePlan>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);

  const currentData = useCallback((): ReportData => toReportData(layout, getValues(), meta), [layout, getValues, meta]);
  const readPayload = useCallback((): DraftPayload => {
    const data = currentData();
    return { cells: data.cells as Record<string, number | null>, narrative: data.narrative as Record<string, string> };
  }, [currentData]);

  const saveDraft = props.saveDraft;
  const [saver] = useState(
    () =>
      new DraftSaver<ServerCopy>({
        reportId,
        version: props.version,
        savedAt: props.savedAt,
        read: readPayload,
        storage: browserStorage(),
        debounceMs: 2000,
        save: async (payload, expectedVersion): Promise<SaveOutcome<ServerCopy>> => {
          const result = await saveDraft({ reportId, expectedVersion, ...payload });
          if (result.ok) return { ok: true, ...result.data };
          if (result.code === "CONFLICT" && result.details)
            return { ok: false, kind: "conflict", conflict: result.details as ServerCopy, message: result.message };
          if (result.code === "UNAVAILABLE" || result.code === "INTERNAL")
            return { ok: false, kind: "retry", message: result.message };
          if (result.code === "UNAUTHENTICATED")
            return { ok: false, kind: "retry", message: "登录已过期：请在新标签页重新登录，本页内容会自动保存" };
          return { ok: false, kind: "refused", message: result.message };
        },
      }),
  );

  // The rule engine, off the typing path: debounced, results published through the store.
  const evaluateTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const evaluateNow = useCallback(() => {
    const data = currentData();
    const findings = evaluateReport({ data, layout, previousYear: previousYear ?? undefined, organization });
    issues.setFindings(findings, stepProgress(layout, data));
  }, [currentData, issues, layout, organization, previousYear]);

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("probe") === "renders") enableRenderProbe(window as never);
    evaluateNow();
    const subscription = form.watch(() => {
      if (!isApplyingServerCopy.current) saver.change();
      if (evaluateTimer.current) clearTimeout(evaluateTimer.current);
      evaluateTimer.current = setTimeout(evaluateNow, EVALUATE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      if (evaluateTimer.current) clearTimeout(evaluateTimer.current);
    };
  }, [form, saver, evaluateNow]);

  const applyValues = useCallback(
    (data: ReportData | DraftPayload, isServerCopy: boolean) => {
      isApplyingServerCopy.current = isServerCopy;
      reset(toFormValues(layout, { meta, ...data }));
      isApplyingServerCopy.current = false;
      for (const key of Object.keys(getValues().cells)) issues.setEntryError(key.replace(/__/g, "."), null);
      evaluateNow();
    },
    [evaluateNow, getValues, issues, layout, meta, reset],
  );

  // A copy kept in this browser from an earlier visit: restore it (the server has not moved
  // on) or, if the server has a newer version, let the clerk choose between them.
  useEffect(() => {
    const storage = browserStorage();
    if (!storage) return;
    const serverPayload = readPayload();
    for (const draft of readLocalDrafts(storage, reportId)) {
      if (draft.baseVersion > props.version) continue;
      if (samePayload(draft.payload, serverPayload)) {
        removeLocalDrafts(storage, reportId, draft.baseVersion);
        continue;
      }
      applyValues(draft.payload, true);
      if (draft.baseVersion === props.version) {
        setNotice("已恢复此前在本浏览器中未保存的内容，正在保存。");
        saver.change();
      } else {
        saver.enterConflict(
          { version: props.version, status: "DRAFT", data: props.data, updatedAt: props.savedAt },
          "本浏览器中有未保存的内容，但服务器上的报告已更新。",
        );
      }
      return;
    }
    // Runs once, for the version the page was loaded with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Leaving or closing the page with unsaved work: keep the browser copy, warn.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      saver.keepLocalCopyNow();
      if (saver.getState().hasUnsavedWork) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    const onOnline = () => saver.retryNow();
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("online", onOnline);
      saver.dispose();
    };
  }, [saver]);

  const currentStep = useRef(stepId);
  const goToStep = useCallback(
    (next: string) => {
      const previous = currentStep.current;
      if (previous !== next) {
        // Leaving a step: its "fill this in" messages are due, and the work is saved now.
        issues.reveal(previous);
        void saver.flush();
      }
      if (next === CHECK_STEP_ID) issues.revealAll();
      currentStep.current = next;
      setStepId(next);
    },
    [issues, saver],
  );

  const focusField = useCallback(
    (fieldId: string) => {
      const target = issues.stepOf(fieldId);
      const element = document.getElementById(fieldElementId(fieldId));
      if (element && target === stepId) {
        element.focus();
        element.scrollIntoView({ block: "center" });
        return;
      }
      pendingFocus.current = fieldId;
      goToStep(target);
    },
    [goToStep, issues, stepId],
  );

  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstStep = useRef(true);
  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    const fieldId = pendingFocus.current;
    pendingFocus.current = null;
    const element = fieldId ? document.getElementById(fieldElementId(fieldId)) : null;
    if (element) {
      element.focus();
      element.scrollIntoView({ block: "center" });
    } else {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [stepId]);

  const onPasted = useCallback((gridId: string, plan: PastePlan) => {
    setPasteResults((previous) => new Map(previous).set(gridId, plan));
  }, []);

  const context = useMemo<WizardContextValue>(
    () => ({ layout, meta, control, setValue, getValues, issues, comments, focusField, onPasted }),
    [layout, meta, control, setValue, getValues, issues, comments, focusField, onPasted],
  );

  // Starting from last year's report.
  const [carryOver, setCarryOver] = useState<CarryOverPlan | null>(null);
  const offeredCarryOver = useMemo(
    () => (previousYear ? planCarryOver(layout, props.data, previousYear) : null),
    [layout, previousYear, props.data],
  );
  const applyCarryOver = () => {
    if (!previousYear) return;
    const plan = planCarryOver(layout, currentData(), previousYear);
    for (const cell of plan.cells) {
      issues.setEntryError(cell.cellId, null);
      setValue(cellFieldName(cell.cellId), cell.value);
    }
    setCarryOver(plan);
  };

  const resolveConflict = async (keepMine: boolean) => {
    const server = saver.getState().conflict;
    if (!server) return;
    if (!keepMine) applyValues(server.data, true);
    await saver.resolve(server.version, keepMine);
  };

  const submit = async (acknowledgements: Record<string, string>): Promise<SubmitResult> => {
    await saver.flush();
    const state = saver.getState();
    if (state.status !== "saved") return { ok: false, message: "报告还没有保存成功，请等保存完成后再提交。" };
    const result = await props.submitReport({ reportId, expectedVersion: state.version, acknowledgements });
    if (!result.ok) return { ok: false, message: result.message };
    saver.acknowledge(result.data.version, new Date().toISOString());
    return { ok: true };
  };

  const step = steps.find((s) => s.id === stepId) ?? steps[0]!;
  const previousYearNumber = meta.year - 1;
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
        <ConflictPanel saver={saver} layout={layout} readMine={currentData} onChoose={resolveConflict} />
        {comments.unplaced.length > 0 && (
          <div className="notice notice--warning">
            <p>其他审核意见：</p>
            <ul>
              {comments.unplaced.map((comment) => (
                <li key={comment.id}>{comment.body}</li>
              ))}
            </ul>
          </div>
        )}
        {offeredCarryOver && (offeredCarryOver.cells.length > 0 || carryOver) && (
          <section className="notice" aria-labelledby="carry-over-title" data-testid="carry-over">
            <h2 id="carry-over-title" className="notice__title">
              从 {previousYearNumber} 年度报告带入
            </h2>
            {carryOver ? (
              <p role="status">
                已带入 {carryOver.cells.length} 项：
                {carryOver.cells.map((cell) => `${cell.label} ${cell.value}`).join("；") || "无"}。
                {carryOver.differences.length > 0 &&
                  ` 以下已填写的数字与上年不同，未改动，请核对：${carryOver.differences.map((d) => `${d.label}（本年 ${d.current}，上年 ${d.lastYear}）`).join("；")}。`}
              </p>
            ) : (
              <>
                <p>
                  上年度的“结转下年度继续办理”可作为本年“上年结转政府信息公开申请数量”，“现行有效件数”可作为本年的起点；各部分文字可在相应步骤中参考上年内容。只填入空白的格子。
                </p>
                <button type="button" className="button button--secondary" onClick={applyCarryOver}>
                  带入上年数据
                </button>
              </>
            )}
          </section>
        )}
        <div className="wizard__layout">
          <StepList steps={steps} currentStepId={step.id} onSelect={goToStep} commentCounts={comments.countByStep} />
          <div className="wizard__step">
            <h2 className="wizard__step-title" tabIndex={-1} ref={headingRef} data-testid="step-title">
              {step.title}
            </h2>
            {step.section?.kind === "table" && <TableStep section={step.section} pasteResults={pasteResults} />}
            {step.section?.kind === "narrative" && <NarrativeStep stepId={step.id} previousYear={previousYear} />}
            {step.id === CHECK_STEP_ID && <CheckStep onSubmit={submit} saver={saver} />}
            <nav className="wizard__pager" aria-label="上一步和下一步">
              {steps.indexOf(step) > 0 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => goToStep(steps[steps.indexOf(step) - 1]!.id)}
                >
                  上一步
                </button>
              )}
              {steps.indexOf(step) < steps.length - 1 && (
                <button type="button" className="button" onClick={() => goToStep(steps[steps.indexOf(step) + 1]!.id)}>
                  保存并继续
                </button>
              )}
            </nav>
          </div>
        </div>
      </div>
    </WizardContext.Provider>
  );
}
