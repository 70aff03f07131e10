import "server-only";
import { APIError } from "better-auth/api";
import { ACCOUNT_DISABLED, auth } from "./auth";
import { AppError } from "./errors";
import { pauseAfterLastAttempt, returnLoginAttempt, takeLoginAttempt } from "./login-throttle";
import type { Role } from "@/lib/workflow/policy";
import { homePathForUser } from "./session";

const wrongCredentials = "用户名或密码不正确。";
const accountDisabled = "该账号已停用，请联系本县（区）的管理员。";

function pauseMessage(seconds: number): string {
  return `登录失败次数过多，请在 ${seconds} 秒后再试。`;
}

/**
 * Signs in with username and password (Better Auth sets the session cookie through its
 * nextCookies plugin). Wrong username and wrong password give the same message. Each attempt
 * is taken from the account's and the address's allowance before the password is checked and
 * given back when it was right, so parallel guesses cannot outrun the limit.
 */
export async function signIn(input: {
  username: string;
  password: string;
  address: string;
  requestHeaders: Headers;
}): Promise<{ home: string }> {
  const attempt = await takeLoginAttempt(input.username, input.address);
  if (!attempt.isAllowed) throw new AppError("RATE_LIMITED", pauseMessage(attempt.retryAfterSeconds));
  // Better Auth records the session's address from X-Forwarded-For's first entry, which the
  // client writes: it gets the address the throttle used instead.
  const headers = new Headers(input.requestHeaders);
  headers.set("x-forwarded-for", input.address);
  let result;
  try {
    result = await auth.api.signInUsername({
      body: { username: input.username, password: input.password, rememberMe: false },
      headers,
    });
  } catch (error) {
    if (!(error instanceof APIError) || error.statusCode >= 500) throw error;
    // The password was right (Better Auth checks it before making the session): the attempt
    // is given back, and the user is told why they cannot sign in.
    if ((error.body as { code?: unknown } | undefined)?.code === ACCOUNT_DISABLED) {
      await returnLoginAttempt(input.username, input.address);
      throw new AppError("FORBIDDEN", accountDisabled);
    }
    const after = await pauseAfterLastAttempt(input.username, input.address, attempt);
    throw new AppError("INVALID_INPUT", after.isBlocked ? pauseMessage(after.retryAfterSeconds) : wrongCredentials);
  }
  await returnLoginAttempt(input.username, input.address);
  const user = result?.user as { role?: Role; mustChangePassword?: boolean } | undefined;
  return {
    home: homePathForUser({ role: user?.role ?? "CLERK", mustChangePassword: user?.mustChangePassword ?? false }),
  };
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await auth.api.signOut({ headers: requestHeaders });
}
