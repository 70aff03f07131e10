import { publicationRoute } from "@/lib/publications/serve-publication";

export const dynamic = "force-dynamic";

/** The latest published version (pdf); short cache with ETag revalidation. */
export const GET = publicationRoute("pdf");
