import { publicationRoute } from "@/lib/publications/serve-publication";

export const dynamic = "force-dynamic";

/** The latest published version (json); short cache with ETag revalidation. */
export const GET = publicationRoute("json");
