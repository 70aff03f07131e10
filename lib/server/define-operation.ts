import "server-only";
import type { Action, Actor } from "@/lib/workflow/policy";
import { authorizeFirst } from "./authorize";

/**
 * A domain operation, called as `(actor, ...args)`: it loads what it acts on and asks the
 * policy (its `authorize` step) before its work runs. Entry points hand it to their wrapper
 * (defineAction's `operation`), so the action it declares is the entry point's.
 */
export type Operation<Args extends unknown[], T> = ((actor: Actor, ...args: Args) => Promise<T>) & {
  readonly operationName: string;
  readonly action: Action;
};

export function defineOperation<Args extends unknown[], L, T>(spec: {
  name: string;
  action: Action;
  /** Loads the subject and asks `authorize` about `action`; returns what the work needs of it. */
  authorize: (actor: Actor, ...args: Args) => Promise<L>;
  run: (loaded: L, actor: Actor, ...args: Args) => Promise<T>;
}): Operation<Args, T> {
  const operation = (actor: Actor, ...args: Args): Promise<T> =>
    authorizeFirst(
      spec.name,
      spec.action,
      () => spec.authorize(actor, ...args),
      (loaded) => spec.run(loaded, actor, ...args),
    );
  return Object.assign(operation, { operationName: spec.name, action: spec.action });
}
