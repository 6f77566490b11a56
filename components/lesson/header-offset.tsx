"use client";

import { useEffect } from "react";

/**
 * Publishes the sticky site header's real height where it is used, so anchor jumps (the "On this page" list, heading
 * links) land headings below it and the sticky table of contents sits under it: the header wraps to a different height
 * on every phone, and may change, so no literal offset fits. It sets <html>'s own `scroll-padding-top` and the table
 * of contents' `--site-header-height`, not a custom property on <html>: custom properties are inherited, so changing
 * one there restyles every element of the lesson (about 100 ms on a throttled phone, once on load).
 */
export function HeaderOffset() {
  useEffect(() => {
    const header = document.querySelector<HTMLElement>(".site-header");
    const toc = document.querySelector<HTMLElement>(".toc");
    if (!header || !toc) return;
    const root = document.documentElement;
    const publish = () => {
      const height = `${header.offsetHeight}px`;
      root.style.scrollPaddingTop = `calc(${height} + 0.75rem)`;
      toc.style.setProperty("--site-header-height", height);
    };
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty("scroll-padding-top");
      toc.style.removeProperty("--site-header-height");
    };
  }, []);
  return null;
}
