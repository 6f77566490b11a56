"use client";

import { IntentLink } from "@/components/layout/intent-link";
import { resumePoint, type ResumableLesson } from "@/lib/progress/resume";
import { useProgress, useProgressMeta } from "@/lib/progress/use-progress";

/**
 * "Continue where you left off", from the progress saved in this browser. The server renders the
 * new learner's line (start with the first lesson); a returning learner's replaces it in place
 * once saved progress has loaded.
 */
export function ContinueReading({ lessons }: { lessons: ResumableLesson[] }) {
  const hydrated = useProgressMeta((meta) => meta.hydrated);
  const lessonRecords = useProgress((state) => state.lessons);
  const quizzes = useProgress((state) => state.quizzes);
  const point = resumePoint(lessons, hydrated ? { lessons: lessonRecords, quizzes } : { lessons: {}, quizzes: {} });
  if (point.kind === "done")
    return (
      <p className="resume" data-resume="done">
        You have completed every lesson. <IntentLink href="/practice">Keep the answers fresh in practice</IntentLink>
      </p>
    );
  const label =
    point.kind === "start" ? "Start here:" : point.kind === "continue" ? "Continue where you left off:" : "Up next:";
  return (
    <p className="resume" data-resume={point.kind}>
      {label} <IntentLink href={point.lesson.href}>{point.lesson.title}</IntentLink>
    </p>
  );
}
