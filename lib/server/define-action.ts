import "server-only";
import { z } from "zod";
import { AppError, errorCodes, isAppError, isDatabaseUnavailable } from "./errors";
import { runWithAuthorizationCheck } from "./authorize";
import { getCurrentUser, toActor, type SignedInUser } from "./session";
import type { ActionResult } from "@/lib/errors/action-result";
import type { Actor } from "@/lib/workflow/policy";

export type { ActionResult };

type ActionContext<I> = { input: I; user: SignedInUser | null; actor: Actor };

/**
 * The shape of every server action: parse the input with a strict schema → authenticate →
 * run (the handler authorizes through lib/server/authorize) → map errors to a zh-CN result.
 * Server actions are public POST endpoints, so nothing about the input is trusted.
 */
export function defineAction<S extends z.ZodType, T>(options: {
  name: string;
  input: S;
  /** Anonymous callers are allowed (sign-in). Default: sign-in required. */
  allowAnonymous?: boolean;
  run: (context: ActionContext<z.infer<S>>) => Promise<T>;
}): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          fieldErrors[key] ??= issue.message;
        }
        return { ok: false, code: "INVALID_INPUT", message: errorCodes.INVALID_INPUT, fieldErrors };
      }
      const user = await getCurrentUser();
      if (!user && !options.allowAnonymous) throw new AppError("UNAUTHENTICATED");
      const data = await runWithAuthorizationCheck(options.name, () =>
        options.run({ input: parsed.data, user, actor: toActor(user) }),
      );
      return { ok: true, data };
    } catch (error) {
      return toFailure(error, options.name);
    }
  };
}

export function toFailure(error: unknown, where: string): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(error)) return { ok: false, code: error.code, message: error.userMessage, details: error.details };
  if (isDatabaseUnavailable(error)) {
    console.error(`[${where}] database unavailable:`, error);
    return { ok: false, code: "UNAVAILABLE", message: errorCodes.UNAVAILABLE };
  }
  console.error(`[${where}] failed:`, error);
  return { ok: false, code: "INTERNAL", message: errorCodes.INTERNAL };
}
