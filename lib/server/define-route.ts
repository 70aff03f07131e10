import "server-only";
import { runWithAuthorizationCheck } from "./authorize";
import { AppError, type ErrorCode } from "./errors";
import { toFailure } from "./define-action";
import { env } from "./env";
import { isSameOrigin } from "./is-same-origin";
import { getCurrentUser, toActor, type SignedInUser } from "./session";
import type { Actor } from "@/lib/workflow/policy";

const statusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

type RouteContext<P> = { request: Request; params: P; user: SignedInUser | null; actor: Actor };

/**
 * The shape of every route handler: authenticate → run (authorizes through the policy) →
 * map errors to a JSON body with a zh-CN message. Unlike server actions, Next.js does not
 * check the Origin of route handlers, so mutating methods require a same-origin request.
 */
export function defineRoute<P>(name: string, run: (context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request, env().APP_URL))
        throw new AppError("FORBIDDEN", "请求来源无效。");
      const user = await getCurrentUser();
      const params = await context.params;
      return await runWithAuthorizationCheck(`route ${name}`, () =>
        run({ request, params, user, actor: toActor(user) }),
      );
    } catch (error) {
      const failure = toFailure(error, name);
      return Response.json(
        { error: { code: failure.code, message: failure.message } },
        { status: statusOf[failure.code], headers: { "Cache-Control": "no-store" } },
      );
    }
  };
}
