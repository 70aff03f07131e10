// No "server-only" marker: nothing here could reach a browser (a native module), and
// bench/accounts.bench.ts times it in plain Node.
import { hashPassword } from "@/lib/server/password";

/**
 * Hashes many passwords, two at a time: argon2id is meant to be slow (46 MiB and tens of
 * milliseconds each, in libuv's thread pool), and on two cores two at a time finish as soon
 * as more would, while leaving the pool's other threads to the server's file and DNS work.
 */
export async function hashPasswords(passwords: readonly string[], concurrency = 2): Promise<string[]> {
  const hashes: string[] = new Array<string>(passwords.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < passwords.length; index = next++)
      hashes[index] = await hashPassword(passwords[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, passwords.length) }, worker));
  return hashes;
}
