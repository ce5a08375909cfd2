import { expect, test } from "./fixtures";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The request id the proxy gives every request: the reference in its log lines and on the error page. */
test.describe("request id", () => {
  test("each response names its request, in X-Request-Id and in Server-Timing for the page's script", async ({ request }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const id = first.headers()["x-request-id"];
    expect(id).toMatch(UUID);
    expect(first.headers()["server-timing"]).toContain(`rid;desc="${id}"`);
    expect(second.headers()["x-request-id"]).not.toBe(id);
    // API answers carry it too, errors included.
    const notFound = await request.get("/api/not-found");
    expect(notFound.status()).toBe(404);
    expect(notFound.headers()["x-request-id"]).toMatch(UUID);
  });

  test("a load balancer's id is kept when it is safe to log, and replaced when it is not", async ({ request }) => {
    const kept = await request.get("/", { headers: { "X-Request-Id": "lb-7f3a9c21:0001" } });
    expect(kept.headers()["x-request-id"]).toBe("lb-7f3a9c21:0001");
    for (const forged of ["<script>alert(1)</script>", "short", "a".repeat(200), "two words here"]) {
      const replaced = await request.get("/", { headers: { "X-Request-Id": forged } });
      expect(replaced.headers()["x-request-id"], forged).toMatch(UUID);
    }
  });

  test("the page can read its own request id back, as the error page does", async ({ page }) => {
    const response = await page.goto("/");
    const id = response!.headers()["x-request-id"];
    expect(id).toMatch(UUID);
    const seen = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return navigation?.serverTiming.find((timing) => timing.name === "rid")?.description ?? null;
    });
    expect(seen).toBe(id);
  });
});
