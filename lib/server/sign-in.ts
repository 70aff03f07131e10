import "server-only";
import { APIError } from "better-auth/api";
import { auth } from "./auth";
import { AppError } from "./errors";
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure } from "./login-throttle";
import type { Role } from "@/lib/workflow/policy";
import { homePathFor } from "./session";

const wrongCredentials = "用户名或密码不正确。";

function pauseMessage(seconds: number): string {
  return `登录失败次数过多，请在 ${seconds} 秒后再试。`;
}

/**
 * Signs in with username and password (Better Auth sets the session cookie through its
 * nextCookies plugin). Wrong username and wrong password give the same message; repeated
 * failures pause the account and the address.
 */
export async function signIn(input: {
  username: string;
  password: string;
  address: string;
  requestHeaders: Headers;
}): Promise<{ home: string }> {
  const throttle = await checkLoginThrottle(input.username, input.address);
  if (throttle.isBlocked) throw new AppError("RATE_LIMITED", pauseMessage(throttle.retryAfterSeconds));
  try {
    const result = await auth.api.signInUsername({
      body: { username: input.username, password: input.password, rememberMe: false },
      headers: input.requestHeaders,
    });
    await clearLoginFailures(input.username);
    const role = (result?.user as { role?: Role } | undefined)?.role ?? "CLERK";
    return { home: homePathFor(role) };
  } catch (error) {
    if (!(error instanceof APIError) || error.statusCode >= 500) throw error;
    const after = await recordLoginFailure(input.username, input.address);
    throw new AppError("INVALID_INPUT", after.isBlocked ? pauseMessage(after.retryAfterSeconds) : wrongCredentials);
  }
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await auth.api.signOut({ headers: requestHeaders });
}
