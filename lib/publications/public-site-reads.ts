import "server-only";
import { db, readReplicaDb, type PrismaClient } from "@/lib/server/db";
import { publicSiteVersionRequired } from "./public-answers";

// Where the public pages read (the catalogue, a publication's lookups): the read replica
// (DATABASE_READ_URL) when there is one and it holds every change this instance was told of,
// the primary otherwise. A replica lags the primary; an instance told by a notice of version
// N (public-site-notices.ts) that read N-1 from it would keep the old page until the next
// change. So before a public read the replica's own public_site_version is read: below the
// version announced, the read goes to the primary. The replica only moves forward, so what
// it answers after holding N includes every change announced up to N.

/** The database one public answer reads from: the replica's or the primary's client. */
export type PublicSiteReader = PrismaClient;

/** The version a database holds (0 before the first change was announced). */
export async function publicSiteVersionOf(client: PrismaClient): Promise<number> {
  const rows = await client.$queryRaw<{ version: number }[]>`
    SELECT coalesce(max(version), 0)::int AS version FROM public_site_version`;
  return rows[0]?.version ?? 0;
}

/**
 * The client one public answer reads through: the replica when it holds the version this
 * instance knows of, the primary when there is no replica, no version is known yet, the
 * replica lags behind it or cannot be reached.
 */
export async function publicSiteReader(): Promise<PublicSiteReader> {
  if (!readReplicaDb) return db;
  const required = publicSiteVersionRequired();
  if (required === null) return db;
  try {
    return (await publicSiteVersionOf(readReplicaDb)) >= required ? readReplicaDb : db;
  } catch (error) {
    console.error("[public-site] 只读副本不可用，改读主库：", error instanceof Error ? error.message : error);
    return db;
  }
}
