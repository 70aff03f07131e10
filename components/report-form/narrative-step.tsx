"use client";
import { noteRender } from "@/lib/report-form/render-probe";
import { useMemo } from "react";
import { stepOfField } from "@/lib/report-form/steps";
import type { ReportData } from "@/lib/report-data";
import { compileLayout, standardPreamble } from "@/lib/template";
import { narrativeFieldName } from "@/lib/report-form/form-values";
import { ErrorSummary } from "./error-summary";
import { NarrativeField } from "./narrative-field";
import { useWizard } from "./wizard-context";

/** A narrative step: its texts (step 一 starts with the standard opening), last year's text offered. */
export function NarrativeStep({ stepId, previousYear }: { stepId: string; previousYear: ReportData | null }) {
  noteRender("NarrativeStep");
  const { layout, setValue, meta } = useWizard();
  const fields = useMemo(
    () => compileLayout(layout).narrativeFields.filter((field) => stepOfField(layout, field.id) === stepId),
    [layout, stepId],
  );
  const hasPreamble = fields.some((field) => field.id === layout.preamble.id);
  const restorePreamble = () =>
    setValue(
      narrativeFieldName(layout.preamble.id),
      standardPreamble(layout, { organizationName: meta.organizationName, year: meta.year }),
    );
  return (
    <div className="narrative-step">
      <ErrorSummary stepId={stepId} />
      {fields.map((field) => (
        <NarrativeField
          key={field.id}
          fieldId={field.id}
          heading={field.id === layout.preamble.id ? "开头（前言）" : field.heading}
          isRequired={field.required}
          hint={
            field.id === layout.preamble.id
              ? `已按《中华人民共和国政府信息公开条例》和${layout.basis}填好标准开头（含统计期限），可修改。`
              : undefined
          }
          lastYear={
            field.id === layout.preamble.id ? undefined : previousYear?.narrative[field.id]?.trim() || undefined
          }
        />
      ))}
      {hasPreamble && (
        <p>
          <button type="button" className="link-button" onClick={restorePreamble}>
            恢复标准开头
          </button>
        </p>
      )}
    </div>
  );
}
