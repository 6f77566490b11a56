import type { Metadata } from "next";
import { LazyProgressDashboard } from "@/components/progress/lazy-progress-dashboard";
import { compileLesson, listLessons } from "@/lib/content/lessons.server";
import { cardKey } from "@/lib/practice/card-key";
import { loadDecks } from "@/lib/practice/decks.server";
import type { LessonInfo } from "@/lib/progress/stats";

export const metadata: Metadata = {
  title: "Your progress",
  description: "Lessons read and completed, quiz scores, practice streak and due cards, kept in this browser.",
};

export default async function ProgressPage() {
  const lessons: LessonInfo[] = [];
  for (const lesson of listLessons()) {
    const { quizzes } = await compileLesson(lesson);
    lessons.push({
      id: lesson.id,
      title: `${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`,
      href: lesson.href,
      quizIds: quizzes.map((quiz) => quiz.id),
      cardKeys: loadDecks()
        .filter((deck) => deck.lesson === lesson.id)
        .flatMap((deck) => deck.cards.map(cardKey)),
    });
  }
  return (
    <div className="page page--narrow">
      <h1>Your progress</h1>
      <p className="lede">Everything here is stored in this browser only: no account, nothing sent anywhere.</p>
      <LazyProgressDashboard lessons={lessons} />
    </div>
  );
}
