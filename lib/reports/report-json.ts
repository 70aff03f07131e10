import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportData } from "@/lib/template";

/** ReportData as stored in the JSONB column: plain JSON, undefined values dropped. */
export function toStoredReportData(data: ReportData): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(data)) as Prisma.InputJsonObject;
}
