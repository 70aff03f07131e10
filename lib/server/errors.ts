// One error type with codes. Messages are zh-CN instructions shown to the user; the code
// is what tests and callers branch on. The codes themselves are universal (the browser reads them).
import { errorCodes, type ErrorCode } from "@/lib/errors/error-codes";

export { errorCodes, type ErrorCode };

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
