import { describe, expect, it } from "vitest";
import { consumeAbuseLimit, ABUSE_LIMITS } from "@/lib/server/auth/abuse-limits";
import { CLIENT_REQUEST_LIMITS, limitClientRequests } from "@/lib/server/oauth/limit-client-requests";
import { useTestDb } from "@/lib/testing/test-db";
import { contextFromHeaders } from "./request-context";

describe("the client address of a request", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["198.51.100.1, 203.0.113.7", "203.0.113.7"],
    ["198.51.100.1,203.0.113.7:5123", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::ffff:127.0.0.1", "::ffff:127.0.0.1"],
  ])("takes the last hop of %s", (forwarded, address) => {
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": forwarded })).ip).toBe(address);
  });

  // An empty last hop used to be skipped in favour of an earlier, client-written one, or to give no
  // address at all (`,`), which turned the per-address limits off.
  it.each([",", " , ", "203.0.113.7,", "203.0.113.7, ", "not-an-address", "203.0.113.7, <script>", ""])(
    "gives no address for %j, never an earlier hop",
    (forwarded) => {
      expect(contextFromHeaders(new Headers({ "x-forwarded-for": forwarded })).ip).toBeNull();
    },
  );
});

describe("per-address limits without an address", () => {
  const db = useTestDb();

  it("counts sign-ins whose address is unknown in one shared bucket instead of not at all", async () => {
    const { limit } = ABUSE_LIMITS.signIn.perIp;
    // Each attempt names another account, so only the per-address bucket can refuse.
    for (let i = 0; i < limit; i += 1)
      expect((await consumeAbuseLimit(db, { action: "signIn", subject: `someone-${i}@test.local`, ipAddress: null })).allowed).toBe(true);
    expect((await consumeAbuseLimit(db, { action: "signIn", subject: "one-more@test.local", ipAddress: null })).allowed).toBe(false);
    expect((await consumeAbuseLimit(db, { action: "signIn", subject: "one-more@test.local", ipAddress: "203.0.113.7" })).allowed).toBe(
      true,
    );
  });

  it("counts token requests whose address is unknown too", async () => {
    const attempts = Array.from(
      { length: CLIENT_REQUEST_LIMITS.perIp.limit },
      (_, i) => () => limitClientRequests(db, { endpoint: "revoke", clientId: `client-${i}`, ipAddress: null }),
    );
    for (const attempt of attempts) await attempt();
    await expect(limitClientRequests(db, { endpoint: "revoke", clientId: "one-more", ipAddress: null })).rejects.toMatchObject({
      error: "slow_down",
    });
  });
});
