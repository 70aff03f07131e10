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

// What a database that is down, restarting, paused or overloaded looks like, from pg
// (connection and read timeouts, refused or dropped sockets), PostgreSQL (SQLSTATE class 08,
// 57P01–57P03 shutdown and start-up, 53300 too many connections, 57014 statement timeout)
// and Prisma (P1001 unreachable, P1002/P1008 timeouts, P1017 closed, P2024 pool timeout,
// P2028 a transaction that could not start or outlived its timeout).
const unavailablePattern =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|timeout exceeded when trying to connect|Query read timeout|statement timeout|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|too many clients|Can't reach database|Server has closed the connection|Unable to start a transaction in the given time|Transaction already closed|expired transaction|\b(P1001|P1002|P1008|P1017|P2024|57P01|57P02|57P03|57014|53300|08000|08001|08003|08006)\b/i;

function describeError(error: Error): string {
  const { code } = error as { code?: unknown };
  return `${error.name} ${error.message} ${typeof code === "string" ? code : ""}`;
}

/**
 * Failures that mean "the database cannot answer right now", so callers can say so
 * (UNAVAILABLE) instead of 系统出错. The cause chain is followed: Better Auth wraps the
 * database error of a session lookup or sign-in in its own APIError, Prisma in its own.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current !== undefined && current !== null;) {
    if (seen.has(current)) return false;
    seen.add(current);
    if (isAppError(current)) return current.code === "UNAVAILABLE";
    if (!(current instanceof Error)) return unavailablePattern.test(String(current));
    if (unavailablePattern.test(describeError(current))) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * Input PostgreSQL itself refused: text it cannot store (an unpaired surrogate in a JSON
 * value, NUL), which Prisma reports as P2007 or with PostgreSQL's SQLSTATE 22P02/22P05/22021.
 * The schemas refuse such text first (lib/report-data text-characters); this keeps anything
 * that slips past them a refusal (INVALID_INPUT) instead of 系统出错, which the wizard would
 * retry forever.
 */
const refusedInputPattern =
  /invalid input syntax for type json|unsupported Unicode escape sequence|invalid byte sequence for encoding|\b(P2007|22P02|22P05|22021)\b/;

export function isRefusedByDatabase(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (refusedInputPattern.test(describeError(current))) return true;
  }
  return false;
}

/** One line for the log: the error's name and message, and those of its causes. */
export function describeErrorBriefly(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let current: unknown = error; current !== undefined && current !== null && !seen.has(current);) {
    seen.add(current);
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    const { code } = current as { code?: unknown };
    const message = current.message.replace(/\s+/g, " ").trim();
    parts.push(`${current.name}${typeof code === "string" ? ` ${code}` : ""}: ${message.slice(-300)}`);
    current = current.cause;
  }
  return parts.join(" ← ");
}
