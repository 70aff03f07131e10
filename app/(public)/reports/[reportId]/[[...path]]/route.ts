import { publicationRoute } from "@/lib/publications/serve-publication";

export const dynamic = "force-dynamic";

/**
 * Every public URL of a published report, in every format: /reports/<id> (the latest
 * version's page), /reports/<id>/{pdf,docx,html,json,csv}, /reports/<id>/v/<n> and
 * /reports/<id>/v/<n>/{pdf,docx,html,json,csv} (version n, immutable). See lib/publications.
 */
export const GET = publicationRoute();
