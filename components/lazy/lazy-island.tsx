"use client";

import { startTransition, useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { useNearViewport } from "@/lib/site/use-near-viewport";

export interface LazyIslandProps<Props> {
  /** Imports the island's chunk: a module-level function, so that the chunk is not in the page's first load. */
  load: () => Promise<ComponentType<Props>>;
  props: Props;
  /** The island server-rendered with the same markup and its controls disabled, shown until the chunk has loaded. */
  fallback: ReactNode;
  /** What the message names when the chunk fails to load ("The exercise could not be loaded …"). */
  name: string;
  /** Whether to load at once, wherever the island is (read once, after hydration). */
  loadAtOnce?: () => boolean;
  className?: string;
  errorClassName?: string;
}

/**
 * An island whose code loads after first paint: when it comes within a screen or two of the
 * viewport (content inside a closed <details> never does until it opens), the chunk loads and the
 * island takes the fallback's place. The fallback carries the same markup, so nothing on the page
 * moves when it does: a reader who jumped to a heading below stays where they are.
 */
export function LazyIsland<Props extends object>({
  load,
  props,
  fallback,
  name,
  loadAtOnce,
  className,
  errorClassName,
}: LazyIslandProps<Props>) {
  const root = useRef<HTMLDivElement>(null);
  const [Island, setIsland] = useState<ComponentType<Props> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const start = useCallback(() => {
    load().then(
      // A transition: swapping the islands in (all of a lesson's quizzes arrive in one chunk, at once) renders in slices
      // that let the browser paint and take input between them, instead of one long task on a phone.
      (component) => startTransition(() => setIsland(() => component)),
      (error: unknown) =>
        setLoadError(
          `${name} could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`,
        ),
    );
  }, [load, name]);

  useNearViewport(root, start);
  useEffect(() => {
    if (loadAtOnce?.()) start();
  }, [loadAtOnce, start]);

  return (
    <div ref={root} className={className}>
      {Island ? <Island {...props} /> : fallback}
      {loadError && (
        <p role="alert" className={errorClassName}>
          {loadError}
        </p>
      )}
    </div>
  );
}
