import type { PracticeCard } from "./cards";

/**
 * Card ids in the progress store are lesson-qualified so two lessons can reuse a short id. Its own
 * module, so the practice page's island gets it without the deck schema (zod) that ./cards.ts holds.
 */
export function cardKey(card: Pick<PracticeCard, "lesson" | "id">): string {
  return `${card.lesson}#${card.id}`;
}
