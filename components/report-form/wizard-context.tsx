"use client";
import { createContext, useContext } from "react";
import type { Control, UseFormGetValues, UseFormSetValue } from "react-hook-form";
import type { PlacedComments } from "@/lib/report-form/comment-placement";
import type { ReportFormValues } from "@/lib/report-form/form-values";
import type { IssueStore } from "@/lib/report-form/issue-store";
import type { PastePlan } from "@/lib/report-form/paste";
import type { ReportMeta } from "@/lib/report-data";
import type { Layout } from "@/lib/template";
import type { FormActs } from "./use-form-acts";

/** What every field of the wizard needs; stable for the life of the form, so reading it re-renders nothing. */
export interface WizardContextValue {
  readonly layout: Layout;
  readonly meta: ReportMeta;
  readonly control: Control<ReportFormValues>;
  readonly setValue: UseFormSetValue<ReportFormValues>;
  readonly getValues: UseFormGetValues<ReportFormValues>;
  readonly issues: IssueStore;
  readonly comments: PlacedComments;
  /** Moves to the field's step if needed and focuses it. */
  readonly focusField: (fieldId: string) => void;
  readonly onPasted: (gridId: string, plan: PastePlan) => void;
  /** Pastes and 本年度未发生 fills, undoable as whole acts (Ctrl+Z, 撤销). */
  readonly acts: FormActs;
  /** 全县 mode: where each cell's summed figure comes from (shown as the cell's title). */
  readonly cellSources?: { readonly [cellId: string]: string };
}

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error("useWizard outside the report wizard");
  return value;
}

/** Element id of a field's input (cell ids contain dots; ids may, selectors must escape them). */
export function fieldElementId(fieldId: string): string {
  return `field-${fieldId}`;
}

export function messageElementId(fieldId: string): string {
  return `message-${fieldId}`;
}
