import type { LessonId } from "@/lib/content/lesson-id";
import { daysBetween, type Day } from "@/lib/practice/dates";
import { streak } from "@/lib/practice/leitner";
import { quizKey } from "@/lib/quiz/types";
import type { ProgressData } from "./schema";

export interface LessonInfo {
  id: LessonId;
  title: string;
  href: string;
  quizIds: string[];
  cardKeys: string[];
}

export interface LessonStats {
  id: string;
  status: "not started" | "read" | "completed";
  quizzesTotal: number;
  quizzesAnswered: number;
  quizzesCorrect: number;
  cardsTotal: number;
  cardsReviewed: number;
  cardsDue: number;
}

export interface OverallStats {
  lessonsTotal: number;
  lessonsCompleted: number;
  quizzesTotal: number;
  quizzesAnswered: number;
  quizzesCorrect: number;
  cardsDue: number;
  cardsTotal: number;
  streak: number;
}

/** Only questions that still exist in a lesson count, so a removed quiz cannot push a score past 100%. */
export function lessonStats(lesson: LessonInfo, data: ProgressData, today: Day): LessonStats {
  const record = data.lessons[lesson.id];
  const quizzes = lesson.quizIds
    .map((id) => data.quizzes[quizKey(lesson.id, id)])
    .filter((entry) => entry !== undefined);
  const schedules = lesson.cardKeys.map((key) => data.practice[key]);
  return {
    id: lesson.id,
    status: record?.completedAt ? "completed" : record?.readAt ? "read" : "not started",
    quizzesTotal: lesson.quizIds.length,
    quizzesAnswered: quizzes.length,
    quizzesCorrect: quizzes.filter((entry) => entry.correct).length,
    cardsTotal: lesson.cardKeys.length,
    cardsReviewed: schedules.filter((s) => s !== undefined).length,
    cardsDue: schedules.filter((s) => s === undefined || daysBetween(today, s.due) <= 0).length,
  };
}

export function overallStats(lessons: LessonInfo[], data: ProgressData, today: Day): OverallStats {
  const per = lessons.map((lesson) => lessonStats(lesson, data, today));
  const sum = (pick: (s: LessonStats) => number) => per.reduce((total, s) => total + pick(s), 0);
  return {
    lessonsTotal: lessons.length,
    lessonsCompleted: per.filter((s) => s.status === "completed").length,
    quizzesTotal: sum((s) => s.quizzesTotal),
    quizzesAnswered: sum((s) => s.quizzesAnswered),
    quizzesCorrect: sum((s) => s.quizzesCorrect),
    cardsDue: sum((s) => s.cardsDue),
    cardsTotal: sum((s) => s.cardsTotal),
    streak: streak(data.practiceDays, today),
  };
}
