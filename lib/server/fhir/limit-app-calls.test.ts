import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { useTestDb } from "@/lib/testing/test-db";
import { fhirErrorResponse } from "./fhir-response";
import { limitAppCalls } from "./limit-app-calls";

describe("limits on an app's FHIR calls", () => {
  const db = useTestDb();
  const limits = { perConnection: { limit: 2, windowSeconds: 60 }, perClient: { limit: 3, windowSeconds: 60 } };

  async function refusal(promise: Promise<unknown>): Promise<AppError | null> {
    return promise.then(
      () => null,
      (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
    );
  }

  it("counts per connection and per client, and says how long to wait", async () => {
    const clientId = randomUUID();
    const first = { clientId, connectionId: randomUUID() };
    const second = { clientId, connectionId: randomUUID() };
    await limitAppCalls(db, first, limits);
    await limitAppCalls(db, first, limits);
    const overConnection = await refusal(limitAppCalls(db, first, limits));
    expect(overConnection?.code).toBe("RATE_LIMITED");
    expect(overConnection?.messageValues?.retryAfterSeconds).toBeGreaterThan(0);
    expect(overConnection?.messageValues?.retryAfterSeconds).toBeLessThanOrEqual(60);

    // Another patient's connection through the same app has its own allowance…
    await limitAppCalls(db, { ...second }, { ...limits, perClient: { limit: 100, windowSeconds: 60 } });
    // …until the app as a whole has used its own (3 calls counted for the client already, plus that one).
    expect((await refusal(limitAppCalls(db, second, limits)))?.code).toBe("RATE_LIMITED");
    // Another app is not affected.
    await limitAppCalls(db, { clientId: randomUUID(), connectionId: randomUUID() }, limits);
  });

  it("answers a refusal as a 429 OperationOutcome with Retry-After", async () => {
    const response = fhirErrorResponse(new AppError("RATE_LIMITED", "Too many FHIR calls.", { messageValues: { retryAfterSeconds: 42 } }));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("42");
    expect(await response.json()).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "throttled", diagnostics: "Too many requests: try again later." }],
    });
  });
});
