import "server-only";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

export type RepetitionThreshold = {
  /** The share (percent) above which a narrative part is called copied (雷同). */
  readonly percent: number;
  /** The county's own setting; null when it uses the server's default. */
  readonly countySetting: number | null;
  /** The server's SIMILARITY_THRESHOLD_PERCENT (default 50). */
  readonly serverDefault: number;
};

/**
 * A county's 雷同 threshold: its own setting (its administrator's, setRepetitionThreshold),
 * else the server's. For server code that already knows it may read the county.
 */
export async function repetitionThresholdOf(countyId: string): Promise<RepetitionThreshold> {
  const county = await db.organization.findUnique({
    where: { id: countyId },
    select: { repetitionThresholdPercent: true },
  });
  const serverDefault = env().SIMILARITY_THRESHOLD_PERCENT;
  const countySetting = county?.repetitionThresholdPercent ?? null;
  return { percent: countySetting ?? serverDefault, countySetting, serverDefault };
}
