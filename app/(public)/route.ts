import { catalogueRoute } from "@/lib/publications/serve-catalogue";

export const dynamic = "force-dynamic";

/**
 * The public home: the catalogue of published reports and its search (/?county=&q=&year=),
 * a static document kept in memory until something is published (lib/publications).
 */
export const GET = catalogueRoute();
