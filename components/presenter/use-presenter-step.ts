"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { stepFromHash, stepTarget } from "@/lib/presenter/steps";
import { presenterChannel } from "./channel";

export interface PresenterStepOptions {
  presentHref: string;
  count: number;
  /**
   * The presenter window leads: the step is in its URL (#3), it announces every move and obeys the
   * notes window. The notes window follows it and asks it to move.
   */
  role: "presenter" | "notes";
  /** Called when the step changes, before the new step renders. */
  onChange?: () => void;
}

/**
 * The step on screen, shared by the presenter window and its speaker-notes window (same browser).
 * `go` moves to a step (clamped; a move that stays put changes nothing, so a step's live run is
 * not reset); `following` says whether the notes window has heard from a presenter window.
 */
export function usePresenterStep({ presentHref, count, role, onChange }: PresenterStepOptions) {
  const [index, setIndex] = useState(0);
  const [following, setFollowing] = useState(false);
  const indexRef = useRef(index);
  const onChangeRef = useRef(onChange);
  const channel = useRef<ReturnType<typeof presenterChannel> | null>(null);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const show = useCallback((next: number) => {
    if (next === indexRef.current) return;
    indexRef.current = next;
    onChangeRef.current?.();
    setIndex(next);
  }, []);

  const go = useCallback(
    (target: number) => {
      const next = stepTarget(indexRef.current, target, count);
      if (next === undefined) return;
      show(next);
      if (role === "presenter") history.replaceState(null, "", `#${next + 1}`);
      else channel.current?.post({ type: "go", index: next });
    },
    [count, role, show],
  );

  // The step in the URL (#3) on load; the presenter also follows it when it changes (back/forward, an edited link).
  useEffect(() => {
    const follow = () => show(stepFromHash(window.location.hash, count));
    follow();
    if (role !== "presenter") return;
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [count, role, show]);

  useEffect(() => {
    const link = presenterChannel(presentHref, (message) => {
      if (role === "presenter") {
        if (message.type === "go") go(message.index);
        if (message.type === "hello") link.post({ type: "step", index: indexRef.current });
      } else if (message.type === "step") {
        show(message.index);
        setFollowing(true);
      }
    });
    channel.current = link;
    if (role === "notes") link.post({ type: "hello" });
    return () => link.close();
  }, [presentHref, role, go, show]);

  // The presenter announces its step (on load too, so an open notes window catches up after a reload).
  useEffect(() => {
    if (role === "presenter") channel.current?.post({ type: "step", index });
  }, [role, index]);

  return { index, go, following };
}
