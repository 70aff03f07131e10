import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { can, type Action, type Actor, type SubjectOf } from "@/lib/workflow/policy";
import { AppError } from "./errors";

// Every entry point runs inside an authorization context (defineAction / defineRoute /
// guardPage). `authorize` records that the policy was asked; an entry point that finishes
// without asking fails closed (like forms-admin's `after_action :verify_authorized`).
type AuthorizationContext = { isAuthorized: boolean };
const storage = new AsyncLocalStorage<AuthorizationContext>();

export function runWithAuthorizationCheck<T>(entryPoint: string, work: () => Promise<T>): Promise<T> {
  const context: AuthorizationContext = { isAuthorized: false };
  return storage.run(context, async () => {
    const result = await work();
    if (!context.isAuthorized) throw new Error(`${entryPoint} finished without asking the authorization policy`);
    return result;
  });
}

/**
 * Asks the policy and throws when the answer is no. Reading something that is not yours
 * answers NOT_FOUND, the same as something that does not exist, so ids cannot be probed.
 */
export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  subject: SubjectOf[A],
  refusal: "NOT_FOUND" | "FORBIDDEN" = "NOT_FOUND",
): void {
  const context = storage.getStore();
  if (context) context.isAuthorized = true;
  if (!can(actor, action, subject)) throw new AppError(actor ? refusal : "UNAUTHENTICATED");
}

/** For entry points that are public by design (sign-in, health): states it explicitly. */
export function markPublic(): void {
  const context = storage.getStore();
  if (context) context.isAuthorized = true;
}
