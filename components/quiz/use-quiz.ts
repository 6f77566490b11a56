"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useProgress } from "@/lib/progress/use-progress";
import { quizKey } from "@/lib/quiz/types";

/** The saved record for one quiz plus the record action, for every quiz island. */
export function useQuizRecord(lesson: string, id: string) {
  const key = quizKey(lesson, id);
  const record = useProgress((state) => state.quizzes[key]);
  const recordQuiz = useProgress((state) => state.recordQuiz);
  return { record, recordQuiz };
}

/**
 * A polite announcement for the live region, set only by the learner's own actions (so a
 * restored answer is not read out on page load), and focus moved to a control after submit.
 */
export function useAnnouncer() {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated message ("Not quite.") be announced again.
    setAnnouncement("");
    window.setTimeout(() => setAnnouncement(text), 50);
  }, []);
  return { announcement, announce };
}

export function useFocusAfter(trigger: unknown) {
  const target = useRef<HTMLButtonElement>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (pending.current) {
      pending.current = false;
      target.current?.focus();
    }
  }, [trigger]);
  const request = useCallback(() => {
    pending.current = true;
  }, []);
  return [target, request] as const;
}
