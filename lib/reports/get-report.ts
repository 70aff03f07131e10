import "server-only";
import { authorize } from "@/lib/server/authorize";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/workflow/policy";
import { loadReport } from "./load-report";

/** A report the actor may read; NOT_FOUND whether it is missing or not theirs. */
export async function getReport(actor: Actor, reportId: string) {
  const loaded = await loadReport(reportId);
  // Missing and not-yours give the same answer, so ids cannot be probed.
  if (!loaded) throw new AppError(actor ? "NOT_FOUND" : "UNAUTHENTICATED");
  authorize(actor, "report.read", loaded.subject);
  return loaded;
}
