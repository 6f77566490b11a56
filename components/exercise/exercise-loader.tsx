"use client";

import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { runnerUrlInHash } from "@/lib/lab/runner-link";
import { useNearViewport } from "@/lib/site/use-near-viewport";
import { loadEditor, loadExerciseIsland, loadRules } from "./exercise-chunks";
import type { ExerciseIslandProps } from "./exercise-island";

/**
 * All the lesson's first load carries of the exercise: until the block comes within a screen or two
 * of the viewport it shows `children`, the exercise server-rendered with its controls disabled; then
 * the interactive island loads and takes their place with the same markup, so nothing moves.
 */
export interface ExerciseLoaderProps extends ExerciseIslandProps {
  /** The exercise server-rendered, shown until the island has loaded. */
  children: ReactNode;
  /*
   * The block's class names come from the server component: a CSS module imported here would put
   * its whole class map into the lesson's first load.
   */
  className?: string;
  errorClassName?: string;
}

export function ExerciseLoader({ children, className, errorClassName, ...island }: ExerciseLoaderProps) {
  const root = useRef<HTMLDivElement>(null);
  const [Island, setIsland] = useState<ComponentType<ExerciseIslandProps> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(() => {
    loadExerciseIsland().then(
      (component) => setIsland(() => component),
      (error: unknown) =>
        setLoadError(
          `The exercise could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
        ),
    );
    // The island asks for these as it mounts and reports a failure then.
    void loadEditor().catch(() => undefined);
    void loadRules().catch(() => undefined);
  }, []);

  useNearViewport(root, load);
  // The link `npm run lab` prints carries the runner's URL in the hash: the lab panel takes it at once, wherever the exercise is.
  useEffect(() => {
    if (runnerUrlInHash(window.location.hash) !== null) load();
  }, [load]);

  return (
    <div ref={root} className={className}>
      {Island ? <Island {...island} /> : children}
      {loadError && (
        <p role="alert" className={errorClassName}>
          {loadError}
        </p>
      )}
    </div>
  );
}
