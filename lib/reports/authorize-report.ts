import "server-only";
import { authorize, notFoundFor, type RefusalText } from "@/lib/server/authorize";
import type { Actor, Refusal, ReportAction } from "@/lib/workflow/policy";
import type { TransitionName } from "@/lib/workflow/transitions";
import { loadReport, type LoadedReport } from "./load-report";

declare const authorizedFor: unique symbol;

/**
 * A report the policy allowed something on: `K` is the action (report.read, report.edit,
 * report.comment) or, for a transition, its name. Only authorizeReport makes one, so a
 * function taking it cannot be handed a report nobody asked the policy about. Every report
 * action requires reading the report, so any authorized report may be read.
 */
export type AuthorizedReport<K extends string = string> = LoadedReport & { readonly [authorizedFor]: K };

type Options = { explain?: (refusal: Refusal, loaded: LoadedReport) => RefusalText | undefined };

/**
 * The authorization step of an operation on one report, run before anything else: load the
 * report and ask the policy. Missing and not-yours give the same answer (NOT_FOUND), so ids
 * cannot be probed and no business rule is checked on a report that is not yours.
 */
export async function authorizeReport<A extends Exclude<ReportAction, "report.transition">>(
  actor: Actor,
  action: A,
  reportId: string,
  options?: Options,
): Promise<AuthorizedReport<A>>;
export async function authorizeReport<T extends TransitionName>(
  actor: Actor,
  action: "report.transition",
  reportId: string,
  options: Options & { transition: T },
): Promise<AuthorizedReport<T>>;
export async function authorizeReport(
  actor: Actor,
  action: ReportAction,
  reportId: string,
  options: Options & { transition?: TransitionName } = {},
): Promise<AuthorizedReport> {
  const loaded = await loadReport(reportId);
  if (!loaded) throw notFoundFor(actor);
  const explain = options.explain && ((refusal: Refusal) => options.explain!(refusal, loaded));
  if (action === "report.transition") {
    if (!options.transition) throw new Error("authorizeReport: a transition needs its name");
    authorize(actor, action, { ...loaded.subject, transition: options.transition }, explain);
  } else {
    authorize(actor, action, loaded.subject, explain);
  }
  return loaded as AuthorizedReport;
}
