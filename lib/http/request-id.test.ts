import { describe, expect, it } from "vitest";
import { acceptedRequestId, requestIdOf } from "./request-id";

describe("request id", () => {
  it("keeps a load balancer's id in a safe shape", () => {
    expect(acceptedRequestId("3f2c1a9e-0b7d-4e51-9c8a-2d6f0e1b4a77")).toBe("3f2c1a9e-0b7d-4e51-9c8a-2d6f0e1b4a77");
    expect(acceptedRequestId("Root=1-67891233-abcdef012345678912345678")).toBeNull();
    expect(acceptedRequestId("lb.eu-west:0001")).toBe("lb.eu-west:0001");
  });

  it("drops what could carry anything else into the logs or the page", () => {
    for (const value of ["", "short", "a".repeat(129), "id with spaces", "<script>alert(1)</script>", "line\nbreak", "-leading-dash"]) {
      expect(acceptedRequestId(value)).toBeNull();
    }
  });

  it("makes a fresh id when none is accepted", () => {
    const made = requestIdOf(new Headers({ "x-request-id": "nope nope" }));
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers())).not.toBe(made);
    expect(requestIdOf(new Headers({ "x-request-id": "abcdef12-request" }))).toBe("abcdef12-request");
  });
});
