"use client";

import { useEffect } from "react";

/** Where the table of contents becomes the sidebar: the same breakpoint as `.lesson-layout` in globals.css. */
const SIDEBAR_QUERY = "(min-width: 64rem)";

/**
 * The table of contents is one <details>: collapsed on a phone, a sidebar on a wide screen. CSS shows the sidebar's
 * list before any script runs; this opens the <details> too, so assistive tech hears the sidebar as expanded, keeps it
 * open there, and collapses it again when the window narrows to a phone's layout.
 */
export function SidebarDisclosure() {
  useEffect(() => {
    const details = document.querySelector<HTMLDetailsElement>(".toc details");
    if (!details) return;
    const wide = window.matchMedia(SIDEBAR_QUERY);
    if (wide.matches) details.open = true;
    const follow = () => {
      details.open = wide.matches;
    };
    const keepOpenOnWideScreens = () => {
      if (wide.matches && !details.open) details.open = true;
    };
    wide.addEventListener("change", follow);
    details.addEventListener("toggle", keepOpenOnWideScreens);
    return () => {
      wide.removeEventListener("change", follow);
      details.removeEventListener("toggle", keepOpenOnWideScreens);
    };
  }, []);
  return null;
}
