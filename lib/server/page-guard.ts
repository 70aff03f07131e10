import "server-only";
import { notFound, redirect } from "next/navigation";
import { refusalOf, type Action, type Actor, type StaffPage, type ActorAction } from "@/lib/workflow/policy";
import { authorize, authorizeFirst } from "./authorize";
import { isAppError } from "./errors";
import { pathOfRoute } from "./path-of-route";
import { getCurrentUser, homePathFor, PASSWORD_PAGE, toActor, type SignedInUser } from "./session";

/** The names of a route's dynamic segments: "id" for "/review/reports/[id]". */
type ParamNames<P extends string> = P extends `${string}[${infer Name}]${infer Rest}` ? Name | ParamNames<Rest> : never;

type PageParams<P extends string> = Record<ParamNames<P>, string>;

type PageContext<P extends string = StaffPage> = { user: SignedInUser; actor: Actor; params: PageParams<P> };

/**
 * The page's route, as the policy's staffPages table names it. A route with dynamic segments
 * hands over the `params` Next.js gave the page: the guard reads them once for `authorize`
 * and writes the request's path (to come back to after signing in) from the route, so no page
 * restates its own URL. A route without them may give `path` when its query matters.
 */
type PageRoute<P extends StaffPage> = P extends `${string}[${string}`
  ? { page: P; params: Promise<PageParams<P>>; path?: never }
  : { page: P; params?: never; path?: string };

type StaffPageOptions<P extends StaffPage, L> = PageRoute<P> & {
  action: Action;
  authorize: (context: PageContext<P>) => Promise<L>;
};

/**
 * Loads a signed-in page's data after the policy said yes. Anonymous visitors go to the
 * sign-in page; a user who must choose a new password goes to the password page; a user the
 * policy does not send to this page (`page.open`) goes to their own home; then `authorize` loads the subject and asks the policy about `action`, and only
 * then does `load` run. Anything the policy refuses is a plain 404, the same as a missing page.
 * An action without a subject needs no `authorize`: the guard asks the policy about the actor.
 */
export async function loadStaffPage<P extends StaffPage, T extends object = object>(
  options: PageRoute<P> & { action: ActorAction; authorize?: never; load?: (context: PageContext<P>) => Promise<T> },
): Promise<T & { user: SignedInUser }>;
export async function loadStaffPage<P extends StaffPage, L, T extends object>(
  options: StaffPageOptions<P, L> & { load: (context: PageContext<P> & { loaded: L }) => Promise<T> },
): Promise<T & { user: SignedInUser }>;
export async function loadStaffPage<P extends StaffPage, L extends object>(
  options: StaffPageOptions<P, L>,
): Promise<L & { user: SignedInUser }>;
export async function loadStaffPage(options: {
  page: StaffPage;
  params?: Promise<Record<string, string>>;
  path?: string;
  action: Action;
  authorize?: (context: PageContext<string>) => Promise<unknown>;
  load?: (context: PageContext<string> & { loaded: unknown }) => Promise<object>;
}): Promise<object & { user: SignedInUser }> {
  const params: Record<string, string> = (await options.params) ?? {};
  const path = options.path ?? pathOfRoute(options.page, params);
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  const actor = toActor(user);
  const refusal = refusalOf(actor, "page.open", { page: options.page });
  if (refusal === "PASSWORD_CHANGE_REQUIRED") redirect(PASSWORD_PAGE);
  if (refusal) redirect(homePathFor(user.role));
  try {
    const data = await authorizeFirst(
      `page ${options.page}`,
      options.action,
      async () =>
        options.authorize
          ? options.authorize({ user, actor, params })
          : authorize(actor, options.action as ActorAction, null),
      async (loaded) => (options.load ? options.load({ user, actor, params, loaded }) : ((loaded ?? {}) as object)),
    );
    return { ...data, user };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    if (isAppError(error) && error.code === "PASSWORD_CHANGE_REQUIRED") redirect(PASSWORD_PAGE);
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect(`/login?next=${encodeURIComponent(path)}`);
    throw error;
  }
}

/**
 * Loads a public page's data (no session is read, so the page can be cached): `authorize`
 * loads and asks the policy about `action`, which is open to everyone for the catalogue.
 */
export async function loadPublicPage<T>(options: {
  page: string;
  action: Action;
  authorize: () => Promise<T>;
}): Promise<T> {
  try {
    return await authorizeFirst(`page ${options.page}`, options.action, options.authorize, async (loaded) => loaded);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
