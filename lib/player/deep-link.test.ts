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
});
