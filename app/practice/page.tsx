import type { Metadata } from "next";
import { IntentLink } from "@/components/layout/intent-link";
import { PracticeSession, type PracticeDeckView } from "@/components/practice/practice-session";
import { listLessons } from "@/lib/content/lessons.server";
import { loadDecks } from "@/lib/practice/decks.server";

export const metadata: Metadata = {
  title: "Interview practice",
  description:
    "Practise the course's interview questions: answer, compare with a model answer, grade yourself and let spaced repetition bring weak cards back sooner.",
};

export default function PracticePage() {
  const lessons = listLessons();
  const views: PracticeDeckView[] = loadDecks().map((deck) => {
    const lesson = lessons.find((entry) => entry.id === deck.lesson);
    if (!lesson) throw new Error(`${deck.file}: practice deck for "${deck.lesson}", but there is no such lesson`);
    return {
      lesson: deck.lesson,
      title: `${lesson.frontmatter.lesson} ${lesson.frontmatter.title}`,
      href: lesson.href,
      cards: deck.cards,
    };
  });
  return (
    <div className="page page--narrow">
      <h1>Interview practice</h1>
      <p className="lede">
        Read the question, answer it (typed or out loud), then reveal the model answer and tick the key points you
        covered. Your grades decide when each card comes back.
      </p>
      <p>
        Decks:{" "}
        {views.map((view, index) => (
          <span key={view.lesson}>
            {index > 0 ? ", " : null}
            <IntentLink href={view.href}>{view.title}</IntentLink> ({view.cards.length} cards)
          </span>
        ))}
      </p>
      <PracticeSession decks={views} />
    </div>
  );
}
