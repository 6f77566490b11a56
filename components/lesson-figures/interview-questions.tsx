import { IntentLink } from "@/components/layout/intent-link";
import { loadDecks } from "@/lib/practice/decks.server";

/**
 * The lesson's interview questions with model answers, from the same deck the practice mode
 * drills, so the lesson and the flash cards can never disagree.
 */
export function InterviewQuestions({ lesson }: { lesson: string }) {
  const deck = loadDecks().find((candidate) => candidate.lesson === lesson);
  if (!deck) throw new Error(`<InterviewQuestions lesson="${lesson}">: no practice deck for that lesson`);
  const questions = deck.cards.filter((card) => card.origin === "interview");
  return (
    <ol className="interview-questions">
      {questions.map((card) => (
        <li key={card.id} id={`interview-${card.id}`}>
          <p className="interview-questions__question">{card.question}</p>
          <details>
            <summary>Model answer</summary>
            {card.modelAnswer.split(/\n\s*\n/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
            <p className="interview-questions__points-heading">Key points</p>
            <ul>
              {card.keyPoints.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          </details>
        </li>
      ))}
      <li className="interview-questions__more">
        <IntentLink href="/practice">
          Drill these and {deck.cards.length - questions.length} more cards in interview practice
        </IntentLink>
      </li>
    </ol>
  );
}
