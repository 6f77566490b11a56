export type ThemePreference = "system" | "light" | "dark";
export const THEME_STORAGE_KEY = "course:theme";

/**
 * Runs inline in <head> before first paint, so the page never flashes the wrong theme.
 * Kept as a string because it must not wait for any bundle.
 */
export const themeBootScript = `(function(){try{var p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(p!=="light"&&p!=="dark")p="system";var d=p==="dark"||(p==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);var r=document.documentElement;r.dataset.theme=d?"dark":"light";r.dataset.themePreference=p;}catch(e){}})();`;
