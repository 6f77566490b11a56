import { describe, expect, it } from "vitest";
import { fittedPlayerWidth, MIN_SCREEN_WIDTH, nextPlayerWidth, SHRINK_STEP, terminalsHeight } from "./fit";

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

  it("shrinks a player that is too tall so its terminal gives up exactly the excess", () => {
    // 1000 px wide, 900 tall of which the terminal is 600: 300 px too tall for 600 available.
    const measured = { width: 1000, height: 900, terminals: [{ top: 0, bottom: 600, width: 1000 }] };
    const width = fittedPlayerWidth(measured, 600, 1200);
    expect(width).toBe(500);
    // At that width the terminal is 300 tall and the fixed 300 of the rest fill the 600.
    expect(300 + (600 * width) / 1000).toBe(600);
  });

  it("keeps what does not scale: a state panel beside the terminal, the gap between two sides", () => {
    // A 400 px panel column beside a 800 px terminal 480 tall; 200 px of controls under both.
    const beside = { width: 1200, height: 680, terminals: [{ top: 0, bottom: 480, width: 800 }] };
    // 560 available: the terminal may be 360 tall, so 600 wide, and the panel keeps its 400.
    expect(fittedPlayerWidth(beside, 560, 1600)).toBe(1000);
    // Two 600 px sides with a 20 px gap, terminals 300 tall, 100 px of rest: 250 available would halve both, below
    // the narrowest screen; 370 available takes 90 % of each.
    const pair = {
      width: 1220,
      height: 400,
      terminals: [
        { top: 50, bottom: 350, width: 600 },
        { top: 50, bottom: 350, width: 600 },
      ],
    };
    expect(fittedPlayerWidth(pair, 250, 1600)).toBe(20 + 2 * MIN_SCREEN_WIDTH);
    expect(fittedPlayerWidth(pair, 100 + 270, 1600)).toBe(20 + 2 * 540);
  });

  it("grows a short player up to the width it is allowed, and no screen below the width its columns need", () => {
    const measured = { width: 400, height: 500, terminals: [{ top: 0, bottom: 240, width: 400 }] };
    expect(fittedPlayerWidth(measured, 2000, 1100)).toBe(1100);
    expect(fittedPlayerWidth(measured, 270, 1100)).toBe(MIN_SCREEN_WIDTH);
  });

  it("takes the whole width when there is no terminal to scale (nothing to fit by width)", () => {
    expect(fittedPlayerWidth({ width: 800, height: 300, terminals: [] }, 200, 960.7)).toBe(960);
  });

  it("is a fixed point once the player fits, so re-measuring does not move it", () => {
    const measured = { width: 500, height: 600, terminals: [{ top: 0, bottom: 300, width: 500 }] };
    expect(fittedPlayerWidth(measured, 600, 1200)).toBe(500);
  });

  describe("settling (xterm's height moves in whole rows, so estimates alone can swing for ever)", () => {
    const tooTall = { width: 1000, height: 900, terminals: [{ top: 0, bottom: 600, width: 1000 }] };
    const fitting = { width: 500, height: 580, terminals: [{ top: 0, bottom: 280, width: 500 }] };

    it("sizes a new step, or a resized stage, from the estimate", () => {
      expect(
        nextPlayerWidth({ measured: tooTall, available: 600, maxWidth: 1200, current: undefined, stageChanged: false }),
      ).toBe(500);
      expect(
        nextPlayerWidth({ measured: fitting, available: 800, maxWidth: 1200, current: 500, stageChanged: true }),
      ).toBe(892);
    });

    it("keeps a player that fits, even when the estimate says it could grow", () => {
      expect(
        nextPlayerWidth({ measured: fitting, available: 800, maxWidth: 1200, current: 500, stageChanged: false }),
      ).toBeUndefined();
    });

    it("narrows a player that is still too tall, by at least a step, but never below its screens' minimum", () => {
      // The estimate (500) narrows it: taken.
      expect(
        nextPlayerWidth({ measured: tooTall, available: 600, maxWidth: 1200, current: 1000, stageChanged: false }),
      ).toBe(500);
      // Over by a row the estimate does not see (it says 1000 again): a step narrower anyway.
      const overByARow = { width: 1000, height: 610, terminals: [{ top: 0, bottom: 600, width: 1000 }] };
      expect(
        nextPlayerWidth({ measured: overByARow, available: 600, maxWidth: 1200, current: 980, stageChanged: false }),
      ).toBe(980 - SHRINK_STEP);
      const atMinimum = {
        width: MIN_SCREEN_WIDTH,
        height: 900,
        terminals: [{ top: 0, bottom: 600, width: MIN_SCREEN_WIDTH }],
      };
      expect(
        nextPlayerWidth({
          measured: atMinimum,
          available: 600,
          maxWidth: 1200,
          current: MIN_SCREEN_WIDTH,
          stageChanged: false,
        }),
      ).toBeUndefined();
    });
  });
});
