"use client";

import { useEffect } from "react";

/**
 * Publishes the sticky site header's real height as `--site-header-height` on <html>, so anchor
 * jumps (the "On this page" list, heading links) land headings below it: the header wraps to a
 * different height on every phone, and may change, so no literal offset fits.
 */
export function HeaderOffset() {
  useEffect(() => {
    const header = document.querySelector<HTMLElement>(".site-header");
    if (!header) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty("--site-header-height", `${header.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--site-header-height");
    };
  }, []);
  return null;
}
