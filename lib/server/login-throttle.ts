import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import pg from "pg";
import { env } from "./env";

// Failed sign-ins are counted per account and per address (rate-limiter-flexible, stored in
// the `rate_limit` table so a restart does not reset them). Past the limit the form refuses
// with a wait time; a success clears the account's counter.
const WINDOW_SECONDS = 15 * 60;
const BLOCK_SECONDS = 60;

let limiters: { account: RateLimiterPostgres; address: RateLimiterPostgres } | undefined;

function getLimiters() {
  if (limiters) return limiters;
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    clearExpiredByTimeout: false,
    duration: WINDOW_SECONDS,
    blockDuration: BLOCK_SECONDS,
  };
  limiters = {
    account: new RateLimiterPostgres({ ...common, keyPrefix: "login-account", points: env().LOGIN_MAX_FAILURES }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "login-address", points: env().LOGIN_MAX_FAILURES * 4 }),
  };
  return limiters;
}

export type ThrottleState = { isBlocked: false } | { isBlocked: true; retryAfterSeconds: number };

function pauseOf(results: { res: RateLimiterRes | null; limit: number }[]): ThrottleState {
  let wait = 0;
  for (const { res, limit } of results) {
    if (res && res.consumedPoints > limit) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
  }
  return wait > 0 ? { isBlocked: true, retryAfterSeconds: wait } : { isBlocked: false };
}

/** Is this account or address currently paused because of earlier failures? */
export async function checkLoginThrottle(account: string, address: string): Promise<ThrottleState> {
  const { account: byAccount, address: byAddress } = getLimiters();
  const [a, b] = await Promise.all([byAccount.get(account.toLowerCase()), byAddress.get(address)]);
  return pauseOf([
    { res: a, limit: byAccount.points },
    { res: b, limit: byAddress.points },
  ]);
}

/**
 * Counts one failed attempt. The attempt that reaches the limit starts a pause of
 * BLOCK_SECONDS (block() sets the counter past the limit until the pause ends, after
 * which the key expires and counting starts afresh).
 */
export async function recordLoginFailure(account: string, address: string): Promise<ThrottleState> {
  const { account: byAccount, address: byAddress } = getLimiters();
  const targets = [
    { limiter: byAccount, key: account.toLowerCase() },
    { limiter: byAddress, key: address },
  ];
  let wait = 0;
  for (const { limiter, key } of targets) {
    const res = await limiter.consume(key).catch((reason: unknown) => {
      if (reason instanceof RateLimiterRes) return reason;
      throw reason;
    });
    if (res.consumedPoints >= limiter.points) {
      await limiter.block(key, BLOCK_SECONDS);
      wait = BLOCK_SECONDS;
    }
  }
  return wait > 0 ? { isBlocked: true, retryAfterSeconds: wait } : { isBlocked: false };
}

export async function clearLoginFailures(account: string): Promise<void> {
  await getLimiters().account.delete(account.toLowerCase());
}
