import "server-only";
import { authorize } from "@/lib/server/authorize";

/**
 * What the public URLs of both kinds of frozen document (a report's publications, a county's
 * summary versions) share: a URL names one version or, without a number, the latest; and only
 * a version that exists may be read, so anything else answers not found, like an id that
 * names nothing.
 */

/** The `where` part that picks the named version (`null`: any, ordered newest first). */
export function namedVersion(sequence: number | null): { sequence?: number } {
  return sequence === null ? {} : { sequence };
}

/** The version found for a public URL, once the policy allows reading it (it exists). */
export function readableVersion<T>(version: T | null): T {
  authorize(null, "publication.read", { isPublished: version !== null });
  return version!;
}

/** Refuses a public URL whose id or year is malformed before any query. */
export function refuseMalformedRef(malformed: boolean): void {
  if (malformed) authorize(null, "publication.read", { isPublished: false });
}
