import type { ErrorCode } from "./error-codes";

/**
 * What every server action answers (lib/server/define-action.ts builds it). Universal, so
 * the client components that receive the actions as props read the same type.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string>; details?: unknown };
