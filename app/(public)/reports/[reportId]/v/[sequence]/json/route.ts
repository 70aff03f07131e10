import { servePublication } from "@/lib/publications/serve-publication";

export const dynamic = "force-dynamic";

/** One published version (json); immutable, cached for a year. */
export async function GET(request: Request, context: { params: Promise<{ reportId: string; sequence: string }> }) {
  return servePublication(request, await context.params, "json");
}
