"use client";

import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { parseDeepLink } from "@/lib/player/deep-link";
import { eventIndexAt } from "@/lib/player/navigation";
import { markerStateAt } from "@/lib/recordings/marker-state";
import { layOutNow } from "@/lib/site/deferred-layout";
import { useNearViewport } from "@/lib/site/use-near-viewport";
import { Controls, markersOf } from "./controls";
import { Poster } from "./poster";
import { Side, Sides } from "./side";
import { panelFields } from "./state-panel";
import type { ScenarioSummary } from "@/lib/recordings/scenario-summary";
import type { PlayerHandle, SandboxPlayerProps } from "./sandbox-player";
import styles from "./sandbox.module.css";

export interface SandboxIslandProps {
  scenarios: ScenarioSummary[];
  posters: string[];
  compare: boolean;
  /** Server-rendered traffic charts (rolling deploys), one per scenario or null; the player puts its playhead on them. */
  charts?: (ReactNode | null)[];
}

/**
 * The lazy island. It ships only this poster and a near-viewport observer; the player is a
 * separate chunk imported when the sandbox comes within a screen or two of the viewport
 * (or at once for a deep link or a click on Play), so a lesson's first load carries no player code.
 */
export function SandboxIsland({ scenarios, posters, compare, charts }: SandboxIslandProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [Player, setPlayer] = useState<ComponentType<SandboxPlayerProps> | null>(null);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const loading = useRef(false);
  const player = useRef<PlayerHandle | null>(null);
  /** Commands given before the player chunk arrived (the poster's Play, a deep link): the player takes them, in order, when it mounts. */
  const waiting = useRef<Array<(player: PlayerHandle) => void>>([]);

  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    import("./sandbox-player").then(
      (module) => setPlayer(() => module.SandboxPlayer),
      (error: unknown) =>
        setLoadError(
          `The player could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
        ),
    );
  }, []);

  const command = useCallback(
    (run: (player: PlayerHandle) => void) => {
      if (player.current) return run(player.current);
      waiting.current.push(run);
      load();
    },
    [load],
  );

  const attach = useCallback((handle: PlayerHandle | null) => {
    player.current = handle;
    if (!handle) return;
    const commands = waiting.current;
    waiting.current = [];
    for (const run of commands) run(handle);
  }, []);

  useNearViewport(rootRef, load);

  // Deep links (#stop-naive@12.5) open this sandbox at that time, paused.
  useEffect(() => {
    const names = scenarios.map((scenario) => scenario.name);
    const follow = () => {
      const link = parseDeepLink(window.location.hash);
      if (!link || !names.includes(link.scenario)) return;
      // A link rounds up to a tenth, so it can land past the end of its own recording in a compare whose other side runs longer.
      const linkedDuration = scenarios.find((scenario) => scenario.name === link.scenario)!.duration;
      command((player) => player.seek(Math.min(link.time, linkedDuration)));
      const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      layOutNow(); // exact heights above the sandbox, or the scroll lands short of it
      rootRef.current?.closest("figure")?.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "start" });
    };
    // Following the same link again (after the replay moved on) changes no hash, so the click itself is the signal.
    const followSameLink = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (anchor && anchor.hash && anchor.hash === window.location.hash && anchor.pathname === window.location.pathname)
        follow();
    };
    follow();
    window.addEventListener("hashchange", follow);
    document.addEventListener("click", followSameLink);
    return () => {
      window.removeEventListener("hashchange", follow);
      document.removeEventListener("click", followSameLink);
    };
  }, [scenarios, command]);

  const duration = Math.max(...scenarios.map((scenario) => scenario.duration));
  const fields = panelFields(scenarios.flatMap((scenario) => scenario.events));
  return (
    <div ref={rootRef} className={styles.island} data-sandbox-player>
      {Player ? (
        <Player ref={attach} scenarios={scenarios} posters={posters} compare={compare} charts={charts} />
      ) : (
        // Straight in the island: a wrapper like the player's element (unstyled in a lesson) would be one element more.
        <>
          <Sides compare={compare}>
            {scenarios.map((scenario, index) => (
              <Side
                key={scenario.name}
                scenario={scenario}
                compare={compare}
                fields={fields}
                state={markerStateAt(scenario.events, 0)}
                lastEvent={scenario.events[eventIndexAt(scenario.events, 0)]?.label}
                poster
              >
                <Poster scenario={scenario} text={posters[index]!} />
              </Side>
            ))}
          </Sides>
          {charts}
          <div className={styles.controls}>
            <Controls
              time={0}
              duration={duration}
              markers={markersOf(scenarios)}
              compare={compare}
              sideTitles={scenarios.map((scenario) => scenario.title)}
              playing={false}
              speed={1}
              ready={false}
              canPlay
              onToggle={() => command((player) => player.play())}
            />
            <noscript>
              <p className={styles.muted}>The replay needs JavaScript; the transcript below has every line.</p>
            </noscript>
            {loadError ? (
              <p className={styles.error} role="alert">
                {loadError}
              </p>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
