import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./support/fixtures";
import { clerkSteps } from "./support/clerk-steps";
import { publishableYear, publishFromReview } from "./support/publish-steps";

// Automated accessibility checks (axe, WCAG 2.1 A/AA rules) on the public home page, a
// published report page and the reviewer's page of the same report.
test("the public pages and the review page have no axe violations", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const year = publishableYear();
  const clerk = "huamachi";
  const { reportId } = await clerkSteps.start(clerk, year);
  await clerkSteps.fill(clerk, reportId, { organizationName: "盐池县花马池镇人民政府", year });
  await clerkSteps.submit(clerk, reportId);

  const reviewer = await pageAs(browser, "yanchi-review");
  await reviewer.goto(`/review/reports/${reportId}`);
  await expect(reviewer.getByTestId("report-title")).toBeVisible();
  const reviewResults = await new AxeBuilder({ page: reviewer })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(reviewResults.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
  await publishFromReview(reviewer);

  for (const path of ["/", `/reports/${reportId}`, `/reports/${reportId}/v/1`]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map(
        (violation) =>
          `${path} ${violation.id}: ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      ),
    ).toEqual([]);
  }
});
