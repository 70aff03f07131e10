import { countySummaryPublicationRoute } from "@/lib/publications/serve-county-summary-publication";

export const dynamic = "force-dynamic";

/**
 * Every public URL of a county's published summary (全县汇总) of a year, in every format, as
 * a report's: /reports/county-summary/<county>/<year> (the latest version's page), …/{pdf,
 * html,json,csv}, …/v/<n> and …/v/<n>/{pdf,html,json,csv} (version n, immutable).
 */
export const GET = countySummaryPublicationRoute();
