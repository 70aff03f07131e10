import "server-only";
import proxyaddr from "proxy-addr";
import { z } from "zod";
import { DEFAULT_REPETITION_THRESHOLD_PERCENT } from "@/lib/similarity/narrative-repetition";

// The only module that reads process.env (enforced by lint). The start script and the test
// harnesses fill these in; see README "配置".
/** A comma-separated list of addresses, CIDR ranges or loopback / linklocal / uniquelocal. */
const trustedProxies = z
  .string()
  .default("")
  .transform((text) =>
    text
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine(
    (entries) => {
      try {
        proxyaddr.compile(entries);
        return true;
      } catch {
        return false;
      }
    },
    { error: "TRUSTED_PROXIES 须为逗号分隔的 IP 地址、CIDR 网段或 loopback、linklocal、uniquelocal" },
  );

const schema = z.object({
  DATABASE_URL: z.string().url(),
  /**
   * A read replica of DATABASE_URL for the public pages' reads (lib/publications/
   * public-site-reads.ts); unset or empty, they read DATABASE_URL too.
   */
  DATABASE_READ_URL: z.preprocess((value) => value || undefined, z.string().url().optional()),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET 至少 32 个字符"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Sign-in attempts allowed per account (and per address ×4) before a pause. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /**
   * How long a database request may take: opening a connection, and one statement. A
   * database that is down or paused then fails a save within seconds (UNAVAILABLE) instead
   * of leaving it pending.
   */
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(5_000),
  /** Proxies whose X-Forwarded-For entries are believed (lib/server/client-address.ts). */
  TRUSTED_PROXIES: trustedProxies,
  /** The office's licensed fonts for the PDF (fonts/README.md); default `fonts/` in the project. */
  PDF_FONT_DIR: z.string().min(1).optional(),
  /** 雷同: a narrative part repeating more than this share (percent) of another report is flagged. */
  SIMILARITY_THRESHOLD_PERCENT: z.coerce.number().int().min(1).max(100).default(DEFAULT_REPETITION_THRESHOLD_PERCENT),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`环境变量配置有误（${problems}）。请用 npm start 启动，或参照 README 设置。`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The PDF font folder alone. Publications are also rendered by the seed and import scripts,
 * which run before (or without) the app's database and session settings, so this does not
 * ask for the rest of the environment.
 */
export function pdfFontDirectory(): string | undefined {
  return schema.shape.PDF_FONT_DIR.parse(process.env.PDF_FONT_DIR || undefined);
}
