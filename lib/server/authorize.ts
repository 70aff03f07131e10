import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { refusalOf, type Action, type Actor, type Refusal, type SubjectOf } from "@/lib/workflow/policy";
import { AppError } from "./errors";

// Authorization runs before the work, in two lines.
//
// 1. Every entry point (defineAction, defineRoute, loadStaffPage, loadPublicPage, the public
//    publication routes) and every domain operation (defineOperation) declares its action and
//    has an authorization step: load the subject, ask the policy. The wrapper runs that step
//    first and the work only after it.
// 2. The net: the step runs in a context that records which actions the policy allowed. If
//    the declared action is not among them, the work never starts: a forgotten check fails
//    before anything is read or written, not in an audit afterwards.
type StepContext = { allowed: Set<Action> };
const storage = new AsyncLocalStorage<StepContext>();

/**
 * Runs `step` (which loads the subject and asks `authorize`), checks that it asked the
 * policy about `action` and was allowed, then runs `work` with what the step returned.
 * What the step was allowed counts for an enclosing step too (a page whose step is a
 * domain operation).
 */
export async function authorizeFirst<L, T>(
  where: string,
  action: Action,
  step: () => Promise<L>,
  work: (loaded: L) => Promise<T>,
): Promise<T> {
  const enclosing = storage.getStore();
  const context: StepContext = { allowed: new Set() };
  const loaded = await storage.run(context, step);
  if (!context.allowed.has(action))
    throw new Error(`${where} did not ask the authorization policy about ${action} before its work`);
  for (const allowed of context.allowed) enclosing?.allowed.add(allowed);
  return work(loaded);
}

/** What a refusal may say besides its code (never a different code: the policy chose it). */
export type RefusalText = { message?: string; details?: unknown };

/**
 * Asks the policy and throws its refusal as an AppError: NOT_FOUND for what is not yours
 * (the same answer as for what does not exist), FORBIDDEN, INVALID_STATE, or
 * UNAUTHENTICATED for an anonymous visitor. `explain` may word a refusal and add details.
 */
export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  subject: SubjectOf[A],
  explain?: (refusal: Refusal) => RefusalText | undefined,
): void {
  const refusal = refusalOf(actor, action, subject);
  if (refusal) {
    const text = explain?.(refusal);
    throw new AppError(refusal, text?.message, text?.details);
  }
  storage.getStore()?.allowed.add(action);
}

/** The answer for a subject that does not exist: the same as the policy's "not yours". */
export function notFoundFor(actor: Actor): AppError {
  return new AppError(actor ? "NOT_FOUND" : "UNAUTHENTICATED");
}
