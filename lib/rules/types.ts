import type { Organization, ReportData } from "../report-data";
import type { FieldId, Layout } from "../template";

/** `error` blocks submission; `warning` needs a stated reason to submit. */
export type Severity = "error" | "warning";

export interface Finding {
  /** Stable id, e.g. `t3.balance`, `narrative.required.s5`, `period.invalidDate`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /**
   * What the finding is about: cell ids, narrative ids (`s5`, `preamble`) or
   * meta fields (`meta.periodStart`). The first id is the one to focus.
   */
  readonly cellIds: readonly FieldId[];
  /** zh-CN, an instruction stating expected and actual values. */
  readonly message: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
}

export interface EvaluateInput {
  readonly data: ReportData;
  readonly layout: Layout;
  /** Last year's report of the same body, for the year-to-year checks. */
  readonly previousYear?: ReportData;
  /** The body the report belongs to; without it the kind is inferred from the name. */
  readonly organization?: Organization;
  /**
   * The sum of the county's units' reports (lib/report-data sumReports), for a county
   * government's report written in 全县 mode; absent otherwise.
   */
  readonly countySummary?: ReportData;
}

/** Everything a prepared check reads during one evaluation. */
export interface EvalState {
  readonly data: ReportData;
  /** Cell values by compiled index; NaN when missing or not a usable value. */
  readonly values: Float64Array;
  /** 1 where the cell is null or absent. */
  readonly missing: Uint8Array;
  /** Per cell, why its present value is unusable (CellIssue; 0 = fine). */
  readonly issues: Uint8Array;
  /** Ids in the data that the layout does not define. */
  readonly unknownCellIds: readonly string[];
  readonly previousYear: ReportData | undefined;
  readonly organization: Organization | undefined;
  readonly countySummary: ReportData | undefined;
}

/** A rule prepared against one layout: pushes its findings for one report. */
export type Check = (state: EvalState, out: Finding[]) => void;
