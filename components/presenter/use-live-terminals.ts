"use client";

import type { Terminal } from "@xterm/xterm";
import { useCallback, useEffect, useRef } from "react";
import { PRESENTATION_FONT_SIZES } from "@/components/sandbox/fit";
import { fitTerminal, openTerminal } from "@/components/sandbox/terminal";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";

/**
 * One xterm terminal per scenario of a live step, opened in the containers `container(index)`
 * registers, fitted to them as they resize and disposed with the step. `write` puts a run's output
 * on its terminal.
 */
export function useLiveTerminals(scenarios: readonly ScenarioSummary[]) {
  const terminals = useRef<Array<Terminal | undefined>>([]);
  const containers = useRef<Array<HTMLDivElement | null>>([]);

  useEffect(() => {
    const fitAll = () =>
      terminals.current.forEach((term, index) => {
        const container = containers.current[index];
        if (term && container) fitTerminal(term, container, PRESENTATION_FONT_SIZES);
      });
    terminals.current = scenarios.map((scenario, index) => {
      const container = containers.current[index];
      return container ? openTerminal(container, scenario.cols, scenario.rows, PRESENTATION_FONT_SIZES.max) : undefined;
    });
    fitAll();
    const observer = new ResizeObserver(fitAll);
    containers.current.forEach((container) => container && observer.observe(container));
    return () => {
      observer.disconnect();
      terminals.current.forEach((term) => term?.dispose());
      terminals.current = [];
    };
  }, [scenarios]);

  const container = useCallback(
    (index: number) => (element: HTMLDivElement | null) => {
      containers.current[index] = element;
    },
    [],
  );
  const write = useCallback((index: number, data: string) => terminals.current[index]?.write(data), []);
  return { container, write };
}
