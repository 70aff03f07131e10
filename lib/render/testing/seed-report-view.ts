/**
 * A seed report (fixtures/seeds) as the renderers' view model, published and signed on the
 * given days: what the render tests and the render bench draw.
 */
import type { SeedFixture } from "@/fixtures";
import { getLayout } from "@/lib/template";
import { toReportView, type ReportView } from "../to-report-view";

export function seedReportView(
  seed: SeedFixture,
  { publishedAt = "2024-01-26", documentDate = "2024-01-26" }: { publishedAt?: string; documentDate?: string } = {},
): ReportView {
  return toReportView(getLayout(seed.layoutId), seed.data, {
    organizationName: seed.organization.name,
    year: seed.data.meta.year,
    publishedAt,
    documentDate,
  });
}
