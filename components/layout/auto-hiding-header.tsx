"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { headerVisibilityAfterScroll, initialHeaderVisibility } from "@/lib/layout/header-visibility";

/**
 * The site header's element. On a phone it slides away while the reader scrolls down and comes
 * back on scroll up (the rule is lib/layout/header-visibility.ts; the CSS applies it on narrow
 * screens only, and never while focus is inside the header).
 */
export function AutoHidingHeader({ children }: { children: ReactNode }) {
  const header = useRef<HTMLElement>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    let visibility = initialHeaderVisibility;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        visibility = headerVisibilityAfterScroll(visibility, window.scrollY, header.current?.offsetHeight ?? 0);
        setHidden(visibility.hidden);
      });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <header ref={header} className="site-header" data-hidden={hidden ? "" : undefined}>
      {children}
    </header>
  );
}
