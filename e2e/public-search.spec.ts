import { expect, test } from "./support/fixtures";

// The public catalogue's search takes whatever is in the address bar: bad text is ignored,
// never a server error. `/?q=%00` once raised PostgreSQL error 22021 with a stack trace.
test.describe("public search with hostile query strings", () => {
  const hostile = [
    "q=%00",
    "q=%E8%91%A3%00%E5%B0%81",
    "q=%01%02%1F%7F%C2%85",
    "q=%0D%0A",
    `q=${"%E9%95%BF".repeat(500)}`,
    "q=%ED%A0%80",
    "q=%FF%FE",
    "q=%25_%5C",
    "q=a&q=b",
    "year=%00",
    "year=99999999999999999999",
    "county=%00",
    "county=00000000-0000-4000-8000-000000000000%00",
  ];
  for (const query of hostile) {
    test(`/?${query.slice(0, 40)} answers the catalogue`, async ({ request }) => {
      const response = await request.get(`/?${query}`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain("已发布的报告");
      expect(html).not.toMatch(/22021|invalid byte sequence|PrismaClient|at async/);
    });
  }

  test("a NUL inside a name still finds the name's reports", async ({ page }) => {
    await page.goto("/?q=%E9%98%B3%E5%9F%8E%00");
    await expect(page.getByRole("heading", { name: "已发布的报告" })).toBeVisible();
    await expect(page.getByLabel("单位名称")).toHaveValue("阳城");
  });
});
