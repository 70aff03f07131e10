import { publicationRoute } from "@/lib/publications/serve-publication";

export const dynamic = "force-dynamic";

/** One published version (page); immutable, cached for a year. */
export const GET = publicationRoute("page");
