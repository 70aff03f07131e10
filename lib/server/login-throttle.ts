import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import pg from "pg";
import { env } from "./env";

// Sign-in attempts are counted per account and per address (rate-limiter-flexible, stored in
// the `rate_limit` table so a restart does not reset them). An attempt is taken before the
// password is checked — one atomic increment per counter — and given back when the password
// was right, so however many requests arrive at once, at most LOGIN_MAX_FAILURES wrong
// passwords are checked for an account per window (×4 per address). Once the attempts are
// used up the form refuses with a wait time.
const WINDOW_SECONDS = 15 * 60;
const BLOCK_SECONDS = 60;

type Limiters = { account: RateLimiterPostgres; address: RateLimiterPostgres };

let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  if (limiters) return limiters;
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
  // An idle connection the server closed (a database restart) must not crash the app: the
  // pool opens a new one on the next attempt.
  pool.on("error", (error) => console.error("[login-throttle] database connection lost:", error.message));
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    clearExpiredByTimeout: false,
    duration: WINDOW_SECONDS,
    // The first attempt past the limit starts the pause; when it ends the key expires and
    // counting starts afresh.
    blockDuration: BLOCK_SECONDS,
  };
  limiters = {
    account: new RateLimiterPostgres({ ...common, keyPrefix: "login-account", points: env().LOGIN_MAX_FAILURES }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "login-address", points: env().LOGIN_MAX_FAILURES * 4 }),
  };
  return limiters;
}

function keysOf(account: string, address: string) {
  const { account: byAccount, address: byAddress } = getLimiters();
  return [
    { limiter: byAccount, key: account.toLowerCase() },
    { limiter: byAddress, key: address },
  ];
}

export type ThrottleState = { isBlocked: false } | { isBlocked: true; retryAfterSeconds: number };

/** An attempt that may check a password: `isLast` when it used the last one of a counter. */
export type LoginAttempt = { isAllowed: true; isLast: boolean } | { isAllowed: false; retryAfterSeconds: number };

/**
 * Takes one attempt from the account's and the address's counters before the password is
 * checked. Refused when either counter is used up; the other counter's attempt is then given
 * back, since no password is checked.
 */
export async function takeLoginAttempt(account: string, address: string): Promise<LoginAttempt> {
  const targets = keysOf(account, address);
  const results = await Promise.all(
    targets.map(({ limiter, key }) =>
      limiter.consume(key).then(
        (res) => ({ isAllowed: true as const, res }),
        (reason: unknown) => {
          if (reason instanceof RateLimiterRes) return { isAllowed: false as const, res: reason };
          throw reason;
        },
      ),
    ),
  );
  if (results.every((result) => result.isAllowed))
    return { isAllowed: true, isLast: results.some((result) => result.res.remainingPoints === 0) };
  await Promise.all(
    targets.map(({ limiter, key }, index) => (results[index]!.isAllowed ? limiter.reward(key, 1) : undefined)),
  );
  const wait = Math.max(...results.filter((result) => !result.isAllowed).map((result) => result.res.msBeforeNext));
  return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}

/** The password was right: the attempt taken for it does not count against anyone. */
export async function returnLoginAttempt(account: string, address: string): Promise<void> {
  await Promise.all(keysOf(account, address).map(({ limiter, key }) => limiter.reward(key, 1)));
}

/**
 * The password was wrong and `attempt` was the last one a counter had: the pause starts now
 * rather than at the next attempt, so the person is told at once.
 */
export async function pauseAfterLastAttempt(
  account: string,
  address: string,
  attempt: Extract<LoginAttempt, { isAllowed: true }>,
): Promise<ThrottleState> {
  if (!attempt.isLast) return { isBlocked: false };
  const targets = keysOf(account, address);
  const states = await Promise.all(targets.map(({ limiter, key }) => limiter.get(key)));
  await Promise.all(
    targets.map(({ limiter, key }, index) =>
      (states[index]?.consumedPoints ?? 0) >= limiter.points ? limiter.block(key, BLOCK_SECONDS) : undefined,
    ),
  );
  return { isBlocked: true, retryAfterSeconds: BLOCK_SECONDS };
}
