import type { PracticeCard } from "./cards";
import { describeDue, type Day } from "./dates";
import { selfGradeScore, verdictFor, type CardSchedule, type Verdict } from "./leitner";

export const SECONDS_PER_ANSWER = 120;

export const VERDICT_TEXT: Record<Verdict, string> = {
  strong: "Strong: the card moves up a box",
  shaky: "Shaky: the card stays in its box",
  weak: "Weak: the card goes back to box 1",
};

export interface GradedCard {
  card: PracticeCard;
  score: number;
  verdict: Verdict;
  schedule: CardSchedule;
}

export interface SessionOptions {
  timed: boolean;
  shuffled: boolean;
  scope: "due" | "all";
}

/** A practice session: set up, then for each card answer → reveal → grade, then a summary. */
export interface PracticeSessionState {
  phase: "setup" | "answer" | "reveal" | "done";
  options: SessionOptions;
  queue: PracticeCard[];
  position: number;
  /** What the learner typed for this card (optional: saying it out loud works too). */
  typed: string;
  /** The key points of this card the learner ticked. */
  covered: boolean[];
  /** The cards graded so far, in order: this card's grade is `graded[position]` once saved. */
  graded: GradedCard[];
  /** When a timed answer runs out (ms since the epoch); null when untimed or revealed. */
  deadline: number | null;
  /** Seconds left to answer, as of the last tick. */
  remaining: number;
  timeUp: boolean;
  /** What the screen reader hears (a polite live region). */
  announcement: string;
}

export type PracticeSessionEvent =
  | { type: "options-changed"; options: Partial<SessionOptions> }
  /** `cards` in the order to ask them (already chosen and shuffled); nothing to ask keeps the setup. */
  | { type: "started"; cards: PracticeCard[]; now: number }
  | { type: "typed"; text: string }
  | { type: "point-ticked"; point: number; covered: boolean }
  | { type: "revealed" }
  | { type: "ticked"; now: number }
  /** The progress store has rescheduled the card from `coveredScore`. */
  | { type: "graded"; schedule: CardSchedule; today: Day }
  | { type: "next"; now: number }
  | { type: "back-to-setup" };

export const initialSession: PracticeSessionState = {
  phase: "setup",
  options: { timed: false, shuffled: false, scope: "due" },
  queue: [],
  position: 0,
  typed: "",
  covered: [],
  graded: [],
  deadline: null,
  remaining: SECONDS_PER_ANSWER,
  timeUp: false,
  announcement: "",
};

/** The share of this card's key points the learner ticked, 0..1. */
export function coveredScore(state: PracticeSessionState): number {
  const card = state.queue[state.position];
  return card ? selfGradeScore(state.covered.filter(Boolean).length, card.keyPoints.length) : 0;
}

export const currentGrade = (state: PracticeSessionState): GradedCard | undefined => state.graded[state.position];

/** Asks the card at `position`: nothing typed or ticked yet, and the clock starts when the session is timed. */
function ask(state: PracticeSessionState, position: number, now: number): PracticeSessionState {
  return {
    ...state,
    phase: "answer",
    position,
    typed: "",
    covered: state.queue[position]!.keyPoints.map(() => false),
    timeUp: false,
    remaining: SECONDS_PER_ANSWER,
    deadline: state.options.timed ? now + SECONDS_PER_ANSWER * 1000 : null,
  };
}

export function practiceSessionReducer(state: PracticeSessionState, event: PracticeSessionEvent): PracticeSessionState {
  switch (event.type) {
    case "options-changed":
      return { ...state, options: { ...state.options, ...event.options } };
    case "started":
      return event.cards.length === 0 ? state : ask({ ...state, queue: event.cards, graded: [] }, 0, event.now);
    case "typed":
      return { ...state, typed: event.text };
    case "point-ticked":
      return {
        ...state,
        covered: state.covered.map((value, index) => (index === event.point ? event.covered : value)),
      };
    case "revealed":
      return { ...state, phase: "reveal", deadline: null };
    case "ticked": {
      if (state.phase !== "answer" || state.deadline === null) return state;
      const remaining = (state.deadline - event.now) / 1000;
      if (remaining <= 0) {
        return {
          ...state,
          remaining,
          phase: "reveal",
          deadline: null,
          timeUp: true,
          announcement: "Time's up. The model answer is shown.",
        };
      }
      return {
        ...state,
        remaining,
        announcement: Math.ceil(remaining) === 30 ? "30 seconds left." : state.announcement,
      };
    }
    case "graded": {
      const card = state.queue[state.position];
      if (!card || currentGrade(state)) return state;
      const score = coveredScore(state);
      const grade: GradedCard = { card, score, verdict: verdictFor(score), schedule: event.schedule };
      const announcement = `${VERDICT_TEXT[grade.verdict]}. Next due ${describeDue(event.schedule.due, event.today)}.`;
      return { ...state, graded: [...state.graded, grade], announcement };
    }
    case "next":
      return state.position + 1 < state.queue.length
        ? ask(state, state.position + 1, event.now)
        : { ...state, phase: "done" };
    case "back-to-setup":
      return { ...state, phase: "setup" };
  }
}
