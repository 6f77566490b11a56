import { describe, expect, it } from "vitest";
import { fittedPlayerWidth, MIN_SIDE_WIDTH, terminalsHeight } from "./fit";

describe("presenter fit", () => {
  it("counts side-by-side terminals once and stacked terminals twice", () => {
    expect(terminalsHeight([])).toBe(0);
    expect(
      terminalsHeight([
        { top: 100, bottom: 400 },
        { top: 100, bottom: 380 },
      ]),
    ).toBe(300);
    expect(
      terminalsHeight([
        { top: 500, bottom: 700 },
        { top: 100, bottom: 300 },
      ]),
    ).toBe(400);
    expect(
      terminalsHeight([
        { top: 0, bottom: 200 },
        { top: 150, bottom: 250 },
      ]),
    ).toBe(250);
  });

  it("shrinks a player that is too tall so its terminals give up exactly the excess", () => {
    // 1000 px wide, 900 tall of which the terminal is 600: 300 px too tall for 600 available.
    const measured = { width: 1000, height: 900, terminals: [{ top: 0, bottom: 600 }] };
    const width = fittedPlayerWidth(measured, 600, { maxWidth: 1200, sides: 1 });
    expect(width).toBe(500);
    // At that width the terminal is 300 tall and the fixed 300 of the rest fill the 600.
    expect(300 + (600 * width) / 1000).toBe(600);
  });

  it("grows a short player up to the width it is allowed, and never below the readable minimum per side", () => {
    const measured = { width: 400, height: 500, terminals: [{ top: 0, bottom: 240 }] };
    expect(fittedPlayerWidth(measured, 2000, { maxWidth: 1100, sides: 1 })).toBe(1100);
    expect(fittedPlayerWidth(measured, 270, { maxWidth: 1100, sides: 1 })).toBe(MIN_SIDE_WIDTH);
    // A compare player keeps room for both sides side by side: stacked, they would be taller still.
    expect(fittedPlayerWidth(measured, 270, { maxWidth: 1100, sides: 2 })).toBe(2 * MIN_SIDE_WIDTH);
  });

  it("takes the whole width when there is no terminal to scale (nothing to fit by width)", () => {
    expect(fittedPlayerWidth({ width: 800, height: 300, terminals: [] }, 200, { maxWidth: 960.7, sides: 1 })).toBe(960);
  });

  it("is a fixed point once the player fits, so re-measuring does not move it", () => {
    const measured = { width: 500, height: 600, terminals: [{ top: 0, bottom: 300 }] };
    expect(fittedPlayerWidth(measured, 600, { maxWidth: 1200, sides: 1 })).toBe(500);
  });
});
