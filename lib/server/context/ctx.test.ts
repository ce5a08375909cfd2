import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { requestCtx, signedIn, systemCtx } from "./ctx";

const patient = {
  userId: "5d0c8f7e-3a49-4b1c-9a55-0f6e2b7c1d10",
  roles: ["PATIENT" as const],
  stage: "FULL" as const,
  hasConfirmedFactor: true,
};

describe("the request's context", () => {
  it("takes the proxy's request id, the load balancer's address and the user agent from the headers", () => {
    const ctx = requestCtx(
      new Headers({ "x-request-id": "7c1d10aa-req", "x-forwarded-for": "198.51.100.23, 203.0.113.9", "user-agent": "Firefox" }),
      patient,
    );
    expect(ctx).toMatchObject({ requestId: "7c1d10aa-req", ip: "203.0.113.9", userAgent: "Firefox", actor: patient });
    // Every line the request logs carries its id.
    expect(ctx.log.bindings()).toMatchObject({ requestId: "7c1d10aa-req" });
    expect(ctx.now()).toBeInstanceOf(Date);
  });

  it("makes its own id when the request came without one (a route outside the proxy) or with an unsafe one", () => {
    const none = requestCtx(new Headers(), null);
    const forged = requestCtx(new Headers({ "x-request-id": "<img src=x>" }), null);
    expect(none.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.requestId).not.toBe(none.requestId);
    expect(none.ip).toBeNull();
  });

  it("is signed in only with an actor", () => {
    expect(signedIn(requestCtx(new Headers(), patient)).actor.userId).toBe(patient.userId);
    expect(() => signedIn(requestCtx(new Headers(), null))).toThrow(AppError);
  });

  it("gives background work no actor, and a request id that names the job", () => {
    const ctx = systemCtx({ job: "bin-purge" });
    expect(ctx.actor).toBeNull();
    expect(ctx.requestId).toMatch(/^bin-purge:[0-9a-f-]{36}$/);
    expect(ctx.log.bindings()).toMatchObject({ job: "bin-purge", requestId: ctx.requestId });
  });
});
