import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Action, Actor } from "@/lib/workflow/policy";
import { authorizeFirst } from "./authorize";
import type { Operation } from "./define-operation";
import { declareEntryPoint } from "./entry-point";
import {
  AppError,
  describeErrorBriefly,
  errorCodes,
  isAppError,
  isDatabaseUnavailable,
  isRefusedByDatabase,
} from "./errors";
import { getCurrentUser, toActor, type SignedInUser } from "./session";
import type { ActionResult } from "@/lib/errors/action-result";
import { configureZodMessages } from "@/lib/errors/zod-messages";

// Every action's input is refused in zh-CN, including what its schema does not word itself.
configureZodMessages();

export type { ActionResult };

export type ActionContext<I> = { input: I; user: SignedInUser | null; actor: Actor };

type Common<S extends z.ZodType> = {
  /** For logs; an action that runs one operation is named after it unless it says otherwise. */
  name?: string;
  input: S;
  /** Anonymous callers are allowed (sign-in). Default: sign-in required. */
  allowAnonymous?: boolean;
};

/** The action runs one domain operation, called with the parsed input. */
type WithOperation<S extends z.ZodType, T> = Common<S> & { operation: Operation<[z.infer<S>], T> };

/** The action runs one domain operation, called with `args` built from the input and the user. */
type WithOperationArgs<S extends z.ZodType, Args extends unknown[], T> = Common<S> & {
  operation: Operation<Args, T>;
  args: (context: ActionContext<z.infer<S>>) => Args;
};

/** The action's own step loads the subject and asks the policy about `action`; `run` follows. */
type WithStep<S extends z.ZodType, L, T> = Common<S> & {
  name: string;
  action: Action;
  authorize: (context: ActionContext<z.infer<S>>) => Promise<L>;
  run: (context: ActionContext<z.infer<S>> & { loaded: L }) => Promise<T>;
};

type Options<S extends z.ZodType> = Common<S> &
  (
    | { operation: Operation<unknown[], unknown>; args?: (context: ActionContext<z.infer<S>>) => unknown[] }
    | {
        name: string;
        action: Action;
        authorize: (context: ActionContext<z.infer<S>>) => Promise<unknown>;
        run: (context: ActionContext<z.infer<S>> & { loaded: unknown }) => Promise<unknown>;
      }
  );

/**
 * The shape of every server action: parse the input with a strict schema → authenticate →
 * load the subject and ask the policy (the operation's or the action's own step) → run →
 * map errors to a zh-CN result. Server actions are public POST endpoints, so nothing about
 * the input is trusted. The declared action is attached for the sweep test.
 * (`Args extends unknown[] | []` makes TypeScript read the array `args` returns as a tuple.)
 */
export function defineAction<S extends z.ZodType, Args extends unknown[] | [], T>(
  options: WithOperationArgs<S, Args, T>,
): (raw: unknown) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(
  options: WithOperation<S, T>,
): (raw: unknown) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, L, T>(
  options: WithStep<S, L, T>,
): (raw: unknown) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType>(
  options: Options<S>,
): (raw: unknown) => Promise<ActionResult<unknown>> {
  const action = "operation" in options ? options.operation.action : options.action;
  const name = "operation" in options ? (options.name ?? options.operation.operationName) : options.name;
  const execute = (context: ActionContext<z.infer<S>>): Promise<unknown> => {
    if ("operation" in options)
      return options.operation(context.actor, ...(options.args?.(context) ?? [context.input]));
    return authorizeFirst(
      `action ${name}`,
      options.action,
      () => options.authorize(context),
      (loaded) => options.run({ ...context, loaded }),
    );
  };
  const handler = async (raw: unknown): Promise<ActionResult<unknown>> => {
    try {
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          fieldErrors[key] ??= issue.message;
        }
        return { ok: false, code: "INVALID_INPUT", message: invalidInputMessage(parsed.error.issues), fieldErrors };
      }
      const user = await getCurrentUser();
      if (!user && !options.allowAnonymous) throw new AppError("UNAUTHENTICATED");
      return { ok: true, data: await execute({ input: parsed.data, user, actor: toActor(user) }) };
    } catch (error) {
      // Next's own control flow (redirect after signing out) is not a failure.
      unstable_rethrow(error);
      return toFailure(error, name);
    }
  };
  return declareEntryPoint(handler, { kind: "action", name, action, input: options.input });
}

/**
 * A server action posted by a plain HTML form (no JavaScript): the same pipeline, answering
 * with Next's redirect on success and failing the request (Next's error page) otherwise.
 */
export function defineFormAction<S extends z.ZodType, L>(
  options: WithStep<S, L, void>,
): (formData: FormData) => Promise<void> {
  const action = defineAction(options);
  const handler = async (formData: FormData): Promise<void> => {
    const result = await action(formData);
    if (!result.ok) throw new AppError(result.code, result.message);
  };
  return declareEntryPoint(handler, {
    kind: "action",
    name: options.name,
    action: options.action,
    input: options.input,
  });
}

/**
 * The refusal as one sentence, for the callers that show only `message` (the wizard's save
 * status, its submit): the general instruction with the first problem.
 */
function invalidInputMessage(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0]?.message.replace(/[。；，\s]+$/u, "");
  return first ? `提交的内容有误：${first}。` : errorCodes.INVALID_INPUT;
}

/** The input the database refused after the schemas let it through (lib/server/errors.ts isRefusedByDatabase). */
const REFUSED_BY_DATABASE = "内容中有无法保存的字符（例如残缺的表情符号），请删除后重试。";

export function toFailure(error: unknown, where: string): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(error)) {
    // A business check that refuses one field's value says so as the parse does.
    const fieldErrors = (error.details as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
    return {
      ok: false,
      code: error.code,
      message: error.userMessage,
      details: error.details,
      ...(fieldErrors ? { fieldErrors } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    // During an outage every request fails the same way: one line each, not a stack.
    console.error(`[${where}] database unavailable: ${describeErrorBriefly(error)}`);
    return { ok: false, code: "UNAVAILABLE", message: errorCodes.UNAVAILABLE };
  }
  if (isRefusedByDatabase(error)) {
    console.error(`[${where}] input refused by the database: ${describeErrorBriefly(error)}`);
    return { ok: false, code: "INVALID_INPUT", message: REFUSED_BY_DATABASE };
  }
  console.error(`[${where}] failed:`, error);
  return { ok: false, code: "INTERNAL", message: errorCodes.INTERNAL };
}
