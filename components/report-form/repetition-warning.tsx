"use client";
import { useDeferredValue, useMemo } from "react";
import { repetitionSourceLabel, type RepetitionSource } from "@/lib/similarity/narrative-repetition";
import {
  exceedsThreshold,
  measureRepetition,
  repetitionPercent,
  type TextRange,
} from "@/lib/similarity/text-repetition";
import type { NarrativeId } from "@/lib/template";
import { MarkedText } from "@/components/ui/marked-text";
import { useRepetitionSources } from "./repetition-context";

interface Finding {
  readonly source: RepetitionSource;
  readonly percent: number;
  readonly passages: readonly TextRange[];
}

/**
 * 雷同 of one narrative part, while the clerk types: against the unit's own report of last
 * year (measured here, in the browser) and against the other units of the county (measured
 * by the server on the saved draft when the page opened; here only the clerk's own passages
 * it found are followed, so rewriting them lowers the figure at once, and a new match with
 * another unit shows on the next opening of the page).
 */
export function RepetitionWarning({ fieldId, value }: { fieldId: NarrativeId; value: string }) {
  const sources = useRepetitionSources();
  const text = useDeferredValue(value);
  const findings = useMemo((): Finding[] => {
    if (!sources || !text.trim()) return [];
    const found: Finding[] = [];
    if (sources.previousYear) {
      const repetition = measureRepetition(text, sources.previousYear, sources.prescribed);
      if (exceedsThreshold(repetition, sources.thresholdPercent))
        found.push({
          source: { kind: "previousYear" },
          percent: repetitionPercent(repetition),
          passages: repetition.passages,
        });
    }
    const county = sources.county.get(fieldId);
    if (county) {
      const repetition = measureRepetition(text, county.passages, sources.prescribed);
      // Never more than the server found: the passages are a part of what matched.
      if (exceedsThreshold(repetition, sources.thresholdPercent))
        found.push({
          source: { kind: "otherUnit", organizationName: null },
          percent: Math.min(county.percent, repetitionPercent(repetition)),
          passages: repetition.passages,
        });
    }
    return found;
  }, [fieldId, sources, text]);
  if (!sources || findings.length === 0) return null;
  return (
    <div
      className="notice notice--warning repetition"
      data-testid="repetition-warning"
      data-field={fieldId}
      role="status"
    >
      {findings.map((finding) => (
        <div key={finding.source.kind}>
          <p className="repetition__summary">
            本栏与{repetitionSourceLabel(finding.source)}雷同{" "}
            <strong data-testid="repetition-percent">{finding.percent}%</strong>（超过 {sources.thresholdPercent}
            %）。重复的文字已标出，请结合本年度的工作重新撰写；模板规定的开头语和统计期限不计入。
          </p>
          <p className="repetition__text">
            <MarkedText text={text} marks={finding.passages} />
          </p>
        </div>
      ))}
    </div>
  );
}
