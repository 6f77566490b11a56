"use client";

import { useEffect } from "react";
import { DEFER_LAYOUT_ATTRIBUTE, layOutInBackground, layOutNow } from "@/lib/site/deferred-layout";

/**
 * Where the lesson's layout was deferred (lib/site/deferred-layout.ts), lays out the rest of it in idle time after the
 * first paint, and all of it at once before a link to a section is followed: a jump computed from guessed heights
 * would land in the wrong place. Once every block is laid out, nothing is deferred any more, so a lesson reached
 * later by a client-side navigation (which runs no inline script) is laid out as usual.
 */
export function BackgroundLayout() {
  useEffect(() => {
    const root = document.documentElement;
    if (!root.hasAttribute(DEFER_LAYOUT_ATTRIBUTE)) return;
    const leaving = new AbortController();
    // Capture runs before the browser follows the link, and before any island's own handler.
    const beforeJump = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (anchor?.hash && anchor.pathname === window.location.pathname) layOutNow();
    };
    document.addEventListener("click", beforeJump, { capture: true });
    const stopDeferring = () => {
      root.removeAttribute(DEFER_LAYOUT_ATTRIBUTE);
      document.removeEventListener("click", beforeJump, { capture: true });
    };
    void layOutInBackground({ signal: leaving.signal }).then(stopDeferring);
    return () => {
      leaving.abort();
      stopDeferring();
    };
  }, []);
  return null;
}
