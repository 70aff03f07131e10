import { getLastYearComparison } from "@/lib/reports/get-last-year-comparison";
import { toActor, type SignedInUser } from "@/lib/server/session";
import { YearComparisonSection } from "@/components/review/year-comparison";

/** The review page's 与上年对比, loaded on its own (the operation asks the policy itself). */
export async function YearComparisonPanel({ reportId, user }: { reportId: string; user: SignedInUser }) {
  const lastYear = await getLastYearComparison(toActor(user), reportId);
  return (
    <YearComparisonSection
      year={lastYear.year}
      comparison={lastYear.comparison}
      trendsHref={`/review/trends/${lastYear.organizationId}`}
    />
  );
}
