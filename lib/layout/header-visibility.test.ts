import { describe, expect, it } from "vitest";
import { headerVisibilityAfterScroll, initialHeaderVisibility, SCROLL_SLACK } from "./header-visibility";

const HEADER = 60;
const scrollThrough = (positions: number[]) =>
  positions.reduce((state, y) => headerVisibilityAfterScroll(state, y, HEADER), initialHeaderVisibility);

describe("headerVisibilityAfterScroll", () => {
  it("hides the header once the reader scrolls down past it, and brings it back on scroll up", () => {
    expect(scrollThrough([100, 400]).hidden).toBe(true);
    expect(scrollThrough([100, 400, 300]).hidden).toBe(false);
    expect(scrollThrough([100, 400, 300, 900]).hidden).toBe(true);
  });

  it("always shows the header near the top of the page", () => {
    expect(scrollThrough([40]).hidden).toBe(false);
    expect(scrollThrough([500, 1000, HEADER]).hidden).toBe(false);
  });

  it("ignores jitter shorter than the slack, but small moves in one direction add up", () => {
    const hidden = scrollThrough([500, 1000]);
    expect(headerVisibilityAfterScroll(hidden, 1000 - (SCROLL_SLACK - 1), HEADER)).toBe(hidden);
    expect(scrollThrough([500, 1000, 997, 994, 991]).hidden).toBe(false);
  });
});
