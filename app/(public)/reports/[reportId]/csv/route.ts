import { servePublication } from "@/lib/publications/serve-publication";

export const dynamic = "force-dynamic";

/** The latest published version (csv); short cache with ETag revalidation. */
export async function GET(request: Request, context: { params: Promise<{ reportId: string }> }) {
  return servePublication(request, await context.params, "csv");
}
