"use client";

import type { ReactNode } from "react";
import { runnerUrlInHash } from "@/lib/lab/runner-link";
import { LazyIsland } from "@/components/lazy/lazy-island";
import { loadEditor, loadExerciseIsland, loadRules } from "./exercise-chunks";
import type { ExerciseIslandProps } from "./exercise-island";

/** The island, with CodeMirror and the rules alongside so that the editor does not wait for the island to ask for it. */
function load() {
  // The island asks for these as it mounts and reports a failure then.
  void loadEditor().catch(() => undefined);
  void loadRules().catch(() => undefined);
  return loadExerciseIsland();
}

/** The link `npm run lab` prints carries the runner's URL in the hash: the lab panel takes it at once, wherever the exercise is. */
const linkedToARunner = () => runnerUrlInHash(window.location.hash) !== null;

export interface ExerciseLoaderProps extends ExerciseIslandProps {
  /** The exercise server-rendered with its controls disabled, shown until the island has loaded. */
  children: ReactNode;
  /*
   * The block's class names come from the server component: a CSS module imported here would put
   * its whole class map into the lesson's first load.
   */
  className?: string;
  errorClassName?: string;
}

/** All the lesson's first load carries of the exercise: the island and the lab panel load near the viewport. */
export function ExerciseLoader({ children, className, errorClassName, ...island }: ExerciseLoaderProps) {
  return (
    <LazyIsland
      load={load}
      props={island}
      fallback={children}
      name="The exercise"
      loadAtOnce={linkedToARunner}
      className={className}
      errorClassName={errorClassName}
    />
  );
}
