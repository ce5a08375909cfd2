import { describe, expect, it } from "vitest";
import { describeUserAgent, formatRelativeTime, shortenIpAddress } from "./device";

describe("how a session's device is shown", () => {
  it("names the browser and the system", () => {
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe(
      "Firefox 128 · Windows 10",
    );
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Mobile Safari 17 · iOS 17.5");
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent("")).toBeNull();
    expect(describeUserAgent("curl-like-nothing")).toBeNull();
  });

  it("shows only the network part of an address", () => {
    expect(shortenIpAddress("203.0.113.42")).toBe("203.0.113.x");
    expect(shortenIpAddress("::ffff:198.51.100.7")).toBe("198.51.100.x");
    expect(shortenIpAddress("2001:0db8:85a3:0000:0000:8a2e:0370:7334")).toBe("2001:db8:85a3::/48");
    expect(shortenIpAddress("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(shortenIpAddress("::1")).toBe("0:0:0::/48");
    expect(shortenIpAddress("fe80::1%eth0")).toBe("fe80:0:0::/48");
    expect(shortenIpAddress(null)).toBeNull();
    expect(shortenIpAddress("not an address")).toBeNull();
    expect(shortenIpAddress("1:2:3:4:5:6:7:8:9")).toBeNull();
  });

  it("says how long ago, in the reader's language", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    expect(formatRelativeTime(ago(5 * 60), "fr", now)).toBe("il y a 5 minutes");
    expect(formatRelativeTime(ago(20), "fr", now)).toBe("maintenant");
    expect(formatRelativeTime(ago(3 * 3600), "en", now)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(26 * 3600), "fr", now)).toBe("hier");
  });
});
