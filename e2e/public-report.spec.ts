import { createHash } from "node:crypto";
import { expect, pageAs, test } from "./support/fixtures";
import { clerkSteps } from "./support/clerk-steps";
import { publishableYear, publishFromReview } from "./support/publish-steps";

// The public report pages with no sign-in: only published reports exist for a visitor,
// pages are served from the snapshot with a strict static CSP and cache headers, read on a
// phone, print without the site frame, and show hostile narrative as plain text.
const year = publishableYear();

const hostileText = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">${"长".repeat(300)}${"B".repeat(200)} 𠀀 😀`;

test.describe("public report pages", () => {
  let publishedId: string;
  let submittedId: string;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    // 北留镇: submitted, never published. 凤城镇: published with hostile narrative.
    submittedId = (await clerkSteps.start("beiliu", year)).reportId;
    await clerkSteps.fill("beiliu", submittedId, { organizationName: "北留镇人民政府", year });
    await clerkSteps.submit("beiliu", submittedId);

    publishedId = (await clerkSteps.start("fengcheng", year)).reportId;
    await clerkSteps.fill("fengcheng", publishedId, {
      organizationName: "凤城镇人民政府",
      year,
      cells: { "t2.rules.issued": 2468 },
      narrative: { s6: hostileText },
    });
    await clerkSteps.submit("fengcheng", publishedId);
    const reviewer = await pageAs(browser, "yangcheng-review");
    await reviewer.goto(`/review/reports/${publishedId}`);
    await publishFromReview(reviewer);
    await reviewer.context().close();
  });

  test("a report that is not published answers 404 in every format and is not listed", async ({ page, request }) => {
    for (const suffix of ["", "/pdf", "/docx", "/html", "/json", "/csv", "/v/1", "/v/1/pdf", "/v/1/docx"]) {
      const response = await request.get(`/reports/${submittedId}${suffix}`);
      expect(response.status(), suffix).toBe(404);
      expect(await response.text()).not.toContain("北留");
    }
    await page.goto(`/?q=北留&year=${year}`);
    await expect(page.getByText("没有找到符合条件的报告。")).toBeVisible();
  });

  test("the published page is static: strict CSP, no script, cache headers and 304", async ({ request }) => {
    const response = await request.get(`/reports/${publishedId}`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).not.toContain("nonce");
    expect(headers["cache-control"]).toBe("public, max-age=60, must-revalidate");
    expect(await response.text()).not.toMatch(/<script/i);
    const notModified = await request.get(`/reports/${publishedId}`, { headers: { "If-None-Match": headers.etag! } });
    expect(notModified.status()).toBe(304);

    const versioned = await request.get(`/reports/${publishedId}/v/1`);
    expect(versioned.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const pdf = await request.get(`/reports/${publishedId}/pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("凤城镇人民政府")}`);
    expect(pdf.headers().etag).toMatch(/^"[0-9a-f]{64}"$/);
    // The Word document frozen with the PDF, its SHA-256 on the page and as its ETag.
    const docx = await request.get(`/reports/${publishedId}/v/1/docx`);
    expect(docx.headers()["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const docxSha256 = createHash("sha256")
      .update(await docx.body())
      .digest("hex");
    expect(docx.headers().etag).toBe(`"${docxSha256}"`);
    expect(await (await request.get(`/reports/${publishedId}`)).text()).toContain(`DOCX SHA-256：${docxSha256}`);
    const json = await (await request.get(`/reports/${publishedId}/json`)).json();
    expect(json.cells["t2.rules.issued"]).toBe(2468);
    const csv = await (await request.get(`/reports/${publishedId}/csv`)).text();
    expect(csv).toContain("t2.rules.issued,");
  });

  test("hostile narrative is shown as text and runs nothing", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/reports/${publishedId}`);
    await expect(page.getByText("<script>window.__pwned = 1</script>", { exact: false })).toBeVisible();
    await expect(page.getByText('<img src=x onerror="window.__pwned = 2">', { exact: false })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test("reads on a phone without sideways scrolling of the page, and prints without the site frame", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`/reports/${publishedId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    // Wide tables scroll inside their own region instead.
    await expect(page.locator("table").first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("link", { name: /^PDF/ })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await context.close();
  });

  for (const textSize of ["100%", "200%"]) {
    test(`on a phone at ${textSize} text the row labels stay in view while the figures scroll, and no text is cut off`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
      const page = await context.newPage();
      await page.goto(`/reports/${publishedId}`);
      // The reader's text size: the document is sized in rem, so it follows the root's.
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), textSize);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const layout = await page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        // The widest table region: scrolled to its last column.
        const regions = [...document.querySelectorAll<HTMLElement>(".rd-table-scroll")];
        const region = regions.reduce((a, b) =>
          b.scrollWidth - b.clientWidth > a.scrollWidth - a.clientWidth ? b : a,
        );
        region.scrollLeft = region.scrollWidth;
        const box = region.getBoundingClientRect();
        // The first body row's labels (every sticky stub column) and its last figure.
        const row = region.querySelector<HTMLElement>("tbody tr")!;
        const stubs = [...row.querySelectorAll<HTMLElement>(".rd-stub")].map((stub) => stub.getBoundingClientRect());
        const label = {
          left: Math.min(...stubs.map((stub) => stub.left)),
          right: Math.max(...stubs.map((stub) => stub.right)),
        };
        const lastFigure = [...row.querySelectorAll<HTMLElement>("td")].at(-1)!.getBoundingClientRect();
        // Text outside the table regions: nothing wider than the screen, nothing clipped.
        const cut = [
          ...document.querySelectorAll<HTMLElement>(
            ".rd-document p, .rd-document h1, .rd-document h2, .rd-document h3",
          ),
        ]
          .filter((element) => !element.closest(".rd-table-scroll"))
          .filter((element) => {
            const rect = element.getBoundingClientRect();
            return rect.left < -1 || rect.right > viewport + 1 || element.scrollWidth > element.clientWidth + 1;
          })
          .map((element) => element.textContent?.slice(0, 30));
        return {
          pageOverflow: document.documentElement.scrollWidth - viewport,
          scrolled: region.scrollLeft > 0,
          labelInView: label.left >= box.left - 1 && label.right <= box.right + 1,
          labelWidthShare: (label.right - label.left) / box.width,
          lastFigureInView: lastFigure.left >= label.right - 1 && lastFigure.right <= box.right + 1,
          cut,
        };
      });
      expect(layout.pageOverflow).toBeLessThanOrEqual(1);
      expect(layout.scrolled).toBe(true);
      expect(layout).toMatchObject({ labelInView: true, lastFigureInView: true, cut: [] });
      expect(layout.labelWidthShare).toBeLessThan(0.7);
      await context.close();
    });
  }
});
