"use client";

import { useEffect, useState } from "react";
import { THEME_STORAGE_KEY, type ThemePreference } from "./theme";

const NEXT: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };

function applyTheme(preference: ThemePreference) {
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  document.documentElement.dataset.themePreference = preference;
}

function readPreference(): ThemePreference {
  const stored = document.documentElement.dataset.themePreference;
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** Cycles system → light → dark; "system" keeps following the OS setting live. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference | null>(null);

  useEffect(() => {
    // The boot script already applied the stored preference; mirror it after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPreference(readPreference());
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const followSystem = () => {
      if (readPreference() === "system") applyTheme("system");
    };
    media.addEventListener("change", followSystem);
    return () => media.removeEventListener("change", followSystem);
  }, []);

  function cycle() {
    const next = NEXT[preference ?? readPreference()];
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage can be blocked (private mode); the theme still changes for this page.
    }
    applyTheme(next);
    setPreference(next);
  }

  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={cycle}
      aria-label={`Theme: ${LABEL[preference ?? "system"]}. Change theme`}
    >
      <span aria-hidden="true">{preference === "dark" ? "☾" : preference === "light" ? "☀" : "◐"}</span>
      <span className="theme-toggle__label">{LABEL[preference ?? "system"]}</span>
    </button>
  );
}
