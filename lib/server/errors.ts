// One error type with codes. Messages are zh-CN instructions shown to the user; the code
// is what tests and callers branch on.
export const errorCodes = {
  UNAUTHENTICATED: "请先登录。",
  NOT_FOUND: "找不到该页面或报告。",
  FORBIDDEN: "您没有执行此操作的权限。",
  INVALID_INPUT: "提交的内容有误，请检查后重试。",
  CONFLICT: "该报告已被他人修改，请查看最新版本后再保存。",
  INVALID_STATE: "报告当前状态不允许此操作。",
  RATE_LIMITED: "尝试次数过多，请稍后再试。",
  UNAVAILABLE: "服务暂时不可用，您的内容已保留，请稍后重试。",
  INTERNAL: "系统出错，请稍后重试。",
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, userMessage?: string, details?: unknown) {
    super(userMessage ?? errorCodes[code]);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage ?? errorCodes[code];
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Prisma/pg failures that mean "the database is unreachable", so callers can say so. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}`
      : String(error);
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|P1001|P1002|P1017|the database system is (starting up|shutting down)|Can't reach database/i.test(
    text,
  );
}
