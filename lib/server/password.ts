import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's first recommended setting (46 MiB, t=1, p=1). Better Auth uses these
// through its `password` hook; the seed uses them to create accounts.
// `Algorithm` is a const enum, which isolatedModules cannot read: 2 is Algorithm.Argon2id.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 47_104, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let verificationCount = 0;

/**
 * How many passwords this process has checked against a stored hash. The sign-in throttle's
 * tests read it to count the checks a burst of guesses really got (lib/server/sign-in.test.ts).
 */
export function passwordVerificationCount(): number {
  return verificationCount;
}

export async function verifyPassword({
  hash: encoded,
  password,
}: {
  hash: string;
  password: string;
}): Promise<boolean> {
  verificationCount += 1;
  try {
    return await verify(encoded, password);
  } catch {
    // A malformed stored hash is a failed sign-in, never a crash.
    return false;
  }
}
