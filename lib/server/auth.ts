import "server-only";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins";
import { db } from "./db";
import { env } from "./env";
import { hashPassword, verifyPassword } from "./password";

// Sessions are Better Auth's: a random token stored in the `session` table, sent in an
// HttpOnly, SameSite=Lax cookie (Secure when APP_URL is https), rotated on every sign-in and
// deleted on sign-out. Accounts are created by administrators (and the seed), never by
// self-service sign-up (lib/accounts, with the credential rows of lib/server/credentials.ts).
/** The code of Better Auth's refusal to open a session for a disabled account. */
export const ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

export const auth = betterAuth({
  appName: "年报",
  baseURL: env().APP_URL,
  secret: env().AUTH_SECRET,
  database: prismaAdapter(db, { provider: "postgresql" }),
  telemetry: { enabled: false },
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    // The rules for a password a user chooses are lib/accounts/password-rules.ts; these are
    // Better Auth's own bounds, the same.
    minPasswordLength: 8,
    maxPasswordLength: 128,
    password: { hash: hashPassword, verify: verifyPassword },
  },
  user: {
    additionalFields: {
      role: { type: "string", required: true, input: false },
      organizationId: { type: "string", required: false, input: false },
      mustChangePassword: { type: "boolean", required: false, input: false },
    },
  },
  databaseHooks: {
    session: {
      create: {
        // A disabled account signs in to nothing: its password may be right, but no session
        // is made (lib/server/sign-in.ts tells the user so).
        before: async (session) => {
          const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
          if (!user || user.disabledAt)
            throw new APIError("FORBIDDEN", { code: ACCOUNT_DISABLED, message: "account disabled" });
        },
      },
    },
  },
  session: {
    expiresIn: 60 * 60 * 12,
    updateAge: 60 * 60,
  },
  // Sign-in throttling is done per account and per address in lib/server/login-throttle.ts,
  // because these endpoints are only called from server actions, which Better Auth's own
  // limiter (HTTP handler only) does not see.
  rateLimit: { enabled: false },
  advanced: {
    useSecureCookies: env().APP_URL.startsWith("https://"),
    // The session and its user in one query (Prisma's include) rather than two: every
    // signed-in request looks its session up (bench/peak.bench.ts, README "The January peak").
    database: { generateId: () => crypto.randomUUID(), joins: true },
  },
  plugins: [
    // Usernames are pinyin with hyphens (yangcheng-review); Better Auth's default allows
    // only letters, digits, dots and underscores.
    username({
      minUsernameLength: 3,
      maxUsernameLength: 40,
      usernameValidator: (name) => /^[a-z0-9][a-z0-9._-]*$/i.test(name),
    }),
    nextCookies(),
  ],
});
