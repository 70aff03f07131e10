import "server-only";
import { sharedRenderPool } from "@/lib/render/render-in-worker";
import { pdfFontDirectory } from "@/lib/server/env";

/** Starts the process's render pool with the configured font folder (see instrumentation.ts). */
export function warmRenderPool(): void {
  sharedRenderPool(pdfFontDirectory());
}
