import { z } from "zod";
import { getImportSource } from "@/lib/reports/get-import-source";
import { defineRoute } from "@/lib/server/define-route";

export const dynamic = "force-dynamic";

const mediaTypes: Record<string, string> = {
  text: "text/plain",
  html: "application/octet-stream",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The file name for Content-Disposition: an ASCII stand-in and the original (RFC 6266, RFC 8187). */
function disposition(fileName: string, source: string): string {
  const extension = source === "docx" || source === "pdf" ? source : source === "html" ? "html" : "txt";
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="import.${extension}"; filename*=UTF-8''${encoded}`;
}

/**
 * The source file of an imported report, downloaded by the county's reviewer who confirms
 * it. Always an attachment, never rendered: the uploaded bytes are served as they came, so
 * the browser is told not to sniff or run anything in them.
 */
export const GET = defineRoute({
  name: "importSource",
  params: z.object({ id: z.string() }),
  action: "report.readImportSource",
  authorize: ({ params, actor }) => getImportSource(actor, params.id),
  run: async ({ loaded }) =>
    new Response(new Uint8Array(loaded.file), {
      headers: {
        "Content-Type": mediaTypes[loaded.source] ?? "application/octet-stream",
        "Content-Disposition": disposition(loaded.fileName, loaded.source),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
      },
    }),
});
