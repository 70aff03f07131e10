import "server-only";
import type { z } from "zod";
import type { Action } from "@/lib/workflow/policy";

/**
 * What an exported server action or route handler declares: its name and the policy action
 * it performs (an action also its input schema). The wrappers attach it to the function they
 * return, so the sweep test (app/entry-points.test.ts) can read it from every export and
 * match it with the table in lib/workflow/entry-points.ts.
 */
export type EntryPointDeclaration = {
  kind: "action" | "route";
  name: string;
  action: Action;
  /** An action's input schema, for the test that walks every schema's messages (app/action-messages.test.ts). */
  input?: z.ZodType;
};

const declarationKey = Symbol.for("nianbao.entryPoint");

export function declareEntryPoint<F extends (...args: never[]) => Promise<unknown>>(
  handler: F,
  declaration: EntryPointDeclaration,
): F {
  return Object.defineProperty(handler, declarationKey, { value: declaration, enumerable: false });
}

export function declarationOf(value: unknown): EntryPointDeclaration | undefined {
  if (typeof value !== "function") return undefined;
  return (value as unknown as Record<symbol, EntryPointDeclaration | undefined>)[declarationKey];
}
