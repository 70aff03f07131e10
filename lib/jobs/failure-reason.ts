import "server-only";
import { errorCodes, isAppError, isDatabaseUnavailable, describeErrorBriefly } from "@/lib/server/errors";

const DATABASE_UNAVAILABLE = "数据库暂时无法应答";

/**
 * Why an attempt failed, as its starter reads it (zh-CN, without the trailing 。): an AppError's
 * own message, 服务暂时不可用 for the database, 系统出错 for anything else (logged in full).
 */
export function failureReason(error: unknown, where: string): string {
  // The queue retries by itself: "your content is kept, try later" (the save's wording) does not fit.
  const message = isDatabaseUnavailable(error)
    ? DATABASE_UNAVAILABLE
    : isAppError(error)
      ? error.userMessage
      : errorCodes.INTERNAL;
  if (!isAppError(error)) console.error(`[${where}] 任务失败：${describeErrorBriefly(error)}`);
  return message.replace(/[。\s]+$/u, "");
}
