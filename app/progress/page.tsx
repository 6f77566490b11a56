import type { Metadata } from "next";
import { ProgressDashboard } from "@/components/progress/progress-dashboard";
import { getLesson, listLessons } from "@/lib/content/lessons.server";
import { cardKey } from "@/lib/practice/cards";
import { decks } from "@/lib/practice/decks";
import type { LessonInfo } from "@/lib/progress/stats";
import { lessonQuizIndex } from "@/lib/quiz/remark-quizzes";

export const metadata: Metadata = {
  title: "Your progress",
  description: "Lessons read and completed, quiz scores, practice streak and due cards, kept in this browser.",
};

export default async function ProgressPage() {
  const lessons: LessonInfo[] = [];
  for (const lesson of listLessons()) {
    const id = `${lesson.chapterSlug}/${lesson.slug}`;
    // Compiling the lesson runs remark-quizzes, which records the lesson's quiz ids.
    await getLesson(lesson.chapterSlug, lesson.slug);
    lessons.push({
      id,
      title: `${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`,
      href: lesson.href,
      quizIds: (lessonQuizIndex.get(id) ?? []).map((entry) => entry.id),
      cardKeys: decks.filter((deck) => deck.lesson === id).flatMap((deck) => deck.cards.map(cardKey)),
    });
  }
  return (
    <div className="page page--narrow">
      <h1>Your progress</h1>
      <p className="lede">Everything here is stored in this browser only: no account, nothing sent anywhere.</p>
      <ProgressDashboard lessons={lessons} />
    </div>
  );
}
