"use client";

import { useState } from "react";

/** Copies the code of the block it sits in, without removed diff lines or callout numbers. */
export function CopyButton() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy(event: React.MouseEvent<HTMLButtonElement>) {
    const block = event.currentTarget.closest("figure")?.querySelector("pre");
    if (!block) return;
    const clone = block.cloneNode(true) as HTMLElement;
    clone.querySelectorAll(".line.remove, .callout-marker").forEach((node) => node.remove());
    // Each line ends in its line break (only plain lines are bare text), so a removed last line leaves one behind.
    const text = (clone.textContent ?? "").replace(/\n$/, "");
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button type="button" className="code-block__copy" onClick={copy}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}</span>
    </button>
  );
}
