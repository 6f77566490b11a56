"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { nextPlayerWidth, type PlayerMeasurement } from "@/lib/presenter/fit";

/** The sandbox's and the live step's terminals; their screen (the parent) is what grows with the width. */
const TERMINALS = '[data-testid="sandbox-terminal"], [data-testid="live-terminal"]';

function measure(player: HTMLElement): PlayerMeasurement {
  const box = player.getBoundingClientRect();
  const terminals = [...player.querySelectorAll<HTMLElement>(TERMINALS)].map((terminal) => {
    const screen = (terminal.parentElement ?? terminal).getBoundingClientRect();
    return { top: screen.top, bottom: screen.bottom, width: screen.width };
  });
  return { width: box.width, height: box.height, terminals };
}

/**
 * How wide the step's player may be so that all of it (terminals, state panels, controls) fits the
 * height `area` leaves, instead of trusting the sandbox's own sizing: re-measured whenever the area
 * (window, notes panel) or the player (a fitted font, a taller panel) changes size; see
 * nextPlayerWidth for how it settles. `shown` names
 * what the stage holds (a step's poster, its player, its live run): a new one is measured afresh.
 * Undefined until first measured.
 */
export function useStageFit(
  area: RefObject<HTMLElement | null>,
  player: RefObject<HTMLElement | null>,
  shown: string,
): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  const current = useRef<number | undefined>(undefined);

  useEffect(() => {
    const areaElement = area.current;
    const playerElement = player.current;
    // A new step starts from the last one's width (its first measurement follows at once) and always takes its own.
    current.current = undefined;
    if (!areaElement || !playerElement) return;
    let frame = 0;
    let stageSize = "";
    const fit = () => {
      const size = `${areaElement.clientWidth}×${areaElement.clientHeight}`;
      const next = nextPlayerWidth({
        measured: measure(playerElement),
        available: areaElement.clientHeight,
        maxWidth: areaElement.clientWidth,
        current: current.current,
        stageChanged: size !== stageSize,
      });
      stageSize = size;
      if (next === undefined) return;
      current.current = next;
      setWidth(next);
    };
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    });
    observer.observe(areaElement);
    observer.observe(playerElement);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [area, player, shown]);

  return width;
}
