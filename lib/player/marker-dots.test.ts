import { describe, expect, it } from "vitest";
import { markerDotsBackground } from "./marker-dots";

describe("markerDotsBackground", () => {
  it("paints one dot per marker at its time's fraction of the bar, in its side's colour", () => {
    expect(
      markerDotsBackground(
        [
          { time: 25, side: 0 },
          { time: 30, side: 1 },
        ],
        100,
      ),
    ).toBe(
      "radial-gradient(circle at 25% 12px, var(--accent) 4.5px, transparent 5px), " +
        "radial-gradient(circle at 30% 12px, var(--focus) 4.5px, transparent 5px)",
    );
  });

  it("keeps a marker past the end (a compare's longer side) on the bar", () => {
    expect(markerDotsBackground([{ time: 120, side: 0 }], 100)).toContain("at 100% 12px");
  });

  it("paints nothing without markers or a duration", () => {
    expect(markerDotsBackground([], 100)).toBeUndefined();
    expect(markerDotsBackground([{ time: 1, side: 0 }], 0)).toBeUndefined();
  });
});
