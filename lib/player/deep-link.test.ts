import { describe, expect, it } from "vitest";
import { deepLink, parseDeepLink } from "./deep-link";

describe("deep links", () => {
  it("reads and writes deep links", () => {
    expect(parseDeepLink("#stop-naive@12.5")).toEqual({ scenario: "stop-naive", time: 12.5 });
    expect(parseDeepLink("#stop-naive@3")).toEqual({ scenario: "stop-naive", time: 3 });
    expect(parseDeepLink("#watch-it-stop")).toBeUndefined();
    expect(parseDeepLink("#stop-naive@-1")).toBeUndefined();
    expect(deepLink("health-flip", 12.46)).toBe("#health-flip@12.5");
  });

  it("rounds up, so a link never opens before the moment it names", () => {
    expect(deepLink("stop-naive", 3.301)).toBe("#stop-naive@3.4");
    expect(deepLink("stop-naive", 3.34)).toBe("#stop-naive@3.4");
    expect(deepLink("stop-naive", 0.1 + 0.2)).toBe("#stop-naive@0.3");
    expect(deepLink("stop-naive", 3)).toBe("#stop-naive@3");
    expect(deepLink("stop-naive", 0)).toBe("#stop-naive@0");
  });
});
