import * as z from "@/lib/site/zod";

/** An interview practice card. Decks live next to their lesson as `<lesson>.practice.ts`. */
export const practiceCardSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a kebab-case slug")),
  question: z.string().check(z.trim(), z.minLength(1, "must not be empty")),
  /** Paragraphs separated by a blank line. */
  modelAnswer: z.string().check(z.trim(), z.minLength(1, "must not be empty")),
  keyPoints: z
    .array(z.string().check(z.trim(), z.minLength(1, "must not be empty")))
    .check(z.minLength(2, "needs at least two key points to self-grade against")),
  /** `interview`: one of the lesson's interview questions; `lesson`: drawn from the rest of the lesson. */
  origin: z.enum(["interview", "lesson"]),
});

export type PracticeCardInput = z.input<typeof practiceCardSchema>;
export type PracticeCard = z.output<typeof practiceCardSchema> & { lesson: string };

export interface PracticeDeck {
  /** `chapter-slug/lesson-slug` */
  lesson: string;
  /** The deck's file, for error messages. */
  file: string;
  cards: PracticeCard[];
}

export class DeckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeckError";
  }
}

/** Validates a deck; a problem names the file and the card id so the build output points at it. */
export function parseDeck(lesson: string, file: string, input: readonly unknown[]): PracticeDeck {
  const seen = new Set<string>();
  const cards = input.map((raw, index) => {
    const label =
      typeof (raw as { id?: unknown })?.id === "string" ? `card "${(raw as { id: string }).id}"` : `card #${index + 1}`;
    const result = practiceCardSchema.safeParse(raw);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(card)"}: ${issue.message}`);
      throw new DeckError(`${file}: ${label} is invalid\n  - ${problems.join("\n  - ")}`);
    }
    if (seen.has(result.data.id)) throw new DeckError(`${file}: ${label} duplicates an earlier card id`);
    seen.add(result.data.id);
    return { ...result.data, lesson };
  });
  if (cards.length === 0) throw new DeckError(`${file}: the deck has no cards`);
  return { lesson, file, cards };
}

/**
 * Fills `{fact:name}` in model answers and key points with a recorded figure (lib/recordings/facts.ts),
 * so a card cites the measurement instead of a literal that could drift from the recordings.
 */
export function fillFacts(deck: PracticeDeck, value: (name: string) => string): PracticeDeck {
  const fill = (text: string, card: PracticeCard) =>
    text.replace(/\{fact:([A-Za-z0-9]+)\}/g, (_, name: string) => {
      try {
        return value(name);
      } catch (error) {
        throw new DeckError(
          `${deck.file}: card "${card.id}" cites {fact:${name}}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
  return {
    ...deck,
    cards: deck.cards.map((card) => ({
      ...card,
      modelAnswer: fill(card.modelAnswer, card),
      keyPoints: card.keyPoints.map((point) => fill(point, card)),
    })),
  };
}
