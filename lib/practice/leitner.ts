import { addDays, daysBetween, type Day } from "./dates";

/**
 * Scheduling rule: five Leitner boxes.
 *
 * - A card nobody has reviewed is "new" and due today.
 * - After a review the learner ticks the key points they covered; score = ticked / all.
 *   - score ≥ 0.8 (strong): the card moves up one box (at most box 5);
 *   - 0.5 ≤ score < 0.8 (shaky): it stays in its box;
 *   - score < 0.5 (weak): it goes back to box 1.
 * - The card is next due `INTERVAL_DAYS[box]` days after the review: box 1 tomorrow, box 2 in
 *   2 days, box 3 in 4, box 4 in 8, box 5 in 16. Weak cards therefore come back first.
 */
export const BOXES = [1, 2, 3, 4, 5] as const;
export type Box = (typeof BOXES)[number];
export const INTERVAL_DAYS: Record<Box, number> = { 1: 1, 2: 2, 3: 4, 4: 8, 5: 16 };
export const STRONG = 0.8;
export const SHAKY = 0.5;

export interface CardSchedule {
  box: Box;
  due: Day;
  lastReviewed: Day;
  reviews: number;
  /** Times the card fell back to box 1. */
  lapses: number;
  /** Share of key points covered at the last review, 0..1. */
  lastScore: number;
}

export type Verdict = "strong" | "shaky" | "weak";

export function verdictFor(score: number): Verdict {
  if (score >= STRONG) return "strong";
  if (score >= SHAKY) return "shaky";
  return "weak";
}

export function selfGradeScore(covered: number, keyPoints: number): number {
  if (keyPoints <= 0) return 0;
  return Math.min(1, Math.max(0, covered / keyPoints));
}

export function review(previous: CardSchedule | undefined, score: number, today: Day): CardSchedule {
  const verdict = verdictFor(score);
  const current: Box = previous?.box ?? 1;
  // A new card counts as sitting in box 1, so a strong first answer moves it to box 2.
  const box: Box = verdict === "weak" ? 1 : verdict === "shaky" ? current : (Math.min(5, current + 1) as Box);
  return {
    box,
    due: addDays(today, INTERVAL_DAYS[box]),
    lastReviewed: today,
    reviews: (previous?.reviews ?? 0) + 1,
    lapses: (previous?.lapses ?? 0) + (verdict === "weak" && previous !== undefined ? 1 : 0),
    lastScore: score,
  };
}

export function isDue(schedule: CardSchedule | undefined, today: Day): boolean {
  return schedule === undefined || daysBetween(today, schedule.due) <= 0;
}

/**
 * Cards to review, most urgent first: overdue before due, lower boxes first, new cards last
 * (reviewing what is slipping matters more than starting something new), then the given order.
 * `keyOf` names a card's schedule in `schedules`.
 */
export function dueCards<T extends { id: string }>(
  cards: readonly T[],
  schedules: Readonly<Record<string, CardSchedule>>,
  today: Day,
  keyOf: (card: T) => string = (card) => card.id,
): T[] {
  return cards
    .map((card, index) => ({ card, index, schedule: schedules[keyOf(card)] }))
    .filter(({ schedule }) => isDue(schedule, today))
    .sort((a, b) => {
      if (!a.schedule || !b.schedule) return (a.schedule ? 0 : 1) - (b.schedule ? 0 : 1) || a.index - b.index;
      return a.schedule.due.localeCompare(b.schedule.due) || a.schedule.box - b.schedule.box || a.index - b.index;
    })
    .map(({ card }) => card);
}

/** Consecutive days with at least one review, ending today (or yesterday, so a streak is not lost before today's session). */
export function streak(practiceDays: readonly Day[], today: Day): number {
  const days = new Set(practiceDays);
  let cursor = days.has(today) ? today : addDays(today, -1);
  let count = 0;
  while (days.has(cursor)) {
    count++;
    cursor = addDays(cursor, -1);
  }
  return count;
}
