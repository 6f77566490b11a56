import { useEffect, type RefObject } from "react";

/**
 * How far outside the viewport a lazy island starts loading its code: a screen or two ahead, so that
 * a reader scrolling at an ordinary pace finds it ready, while a reader who never gets there never
 * downloads it.
 */
const NEAR_VIEWPORT_MARGIN = "600px 0px";

/** Calls `onNear` once, when the element first comes within NEAR_VIEWPORT_MARGIN of the viewport. */
export function useNearViewport(element: RefObject<Element | null>, onNear: () => void) {
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          onNear();
          observer.disconnect();
        }
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, onNear]);
}
