import "server-only";
import type { z } from "zod";
import type { Action, Actor } from "@/lib/workflow/policy";
import { authorizeFirst } from "./authorize";
import { toFailure } from "./define-action";
import { declareEntryPoint } from "./entry-point";
import { AppError, type ErrorCode } from "./errors";
import { env } from "./env";
import { isSameOrigin } from "./is-same-origin";
import { getCurrentUser, toActor, type SignedInUser } from "./session";

const statusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type RouteContext<P> = { request: Request; params: P; user: SignedInUser | null; actor: Actor };

/**
 * The shape of every route handler: check the origin of mutating requests → read the path
 * parameters (`params`; a path that does not fit is not found) → authenticate → load the
 * subject and ask the policy about `action` (`authorize`, before the body is read) → run →
 * map errors to a JSON body with a zh-CN message. Unlike server actions, Next.js does not
 * check the Origin of route handlers, so mutating methods require a same-origin request.
 */
export function defineRoute<S extends z.ZodType = z.ZodType<Record<string, never>>, L = void>(options: {
  name: string;
  params?: S;
  action: Action;
  authorize: (context: RouteContext<z.infer<S>>) => Promise<L>;
  run: (context: RouteContext<z.infer<S>> & { loaded: L }) => Promise<Response>;
}) {
  const handler = async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request, env().APP_URL))
        throw new AppError("FORBIDDEN", "请求来源无效。");
      const raw = await context.params;
      const parsed = options.params ? options.params.safeParse(raw) : { success: true as const, data: raw };
      if (!parsed.success) throw new AppError("NOT_FOUND");
      const user = await getCurrentUser();
      const routeContext: RouteContext<z.infer<S>> = {
        request,
        params: parsed.data as z.infer<S>,
        user,
        actor: toActor(user),
      };
      return await authorizeFirst(
        `route ${options.name}`,
        options.action,
        () => options.authorize(routeContext),
        (loaded) => options.run({ ...routeContext, loaded }),
      );
    } catch (error) {
      const failure = toFailure(error, options.name);
      return Response.json(
        { error: { code: failure.code, message: failure.message } },
        { status: statusOf[failure.code], headers: { "Cache-Control": "no-store" } },
      );
    }
  };
  return declareEntryPoint(handler, { kind: "route", name: options.name, action: options.action });
}
