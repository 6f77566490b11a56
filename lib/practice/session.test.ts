import { describe, expect, it } from "vitest";
import type { PracticeCard } from "./cards";
import type { CardSchedule } from "./leitner";
import {
  coveredScore,
  currentGrade,
  initialSession,
  practiceSessionReducer,
  SECONDS_PER_ANSWER,
  type PracticeSessionEvent,
  type PracticeSessionState,
} from "./session";

const TODAY = "2026-03-10";
const NOW = Date.parse("2026-03-10T09:00:00Z");

const card = (id: string, keyPoints = ["one", "two", "three", "four", "five"]): PracticeCard => ({
  id,
  lesson: "production-and-scaling/dockerizing-nodejs",
  question: `${id}?`,
  modelAnswer: "Because.",
  keyPoints,
  origin: "lesson",
});

const schedule = (box: CardSchedule["box"], due: string): CardSchedule => ({
  box,
  due,
  lastReviewed: TODAY,
  reviews: 1,
  lapses: 0,
  lastScore: 1,
});

const run = (events: PracticeSessionEvent[], from: PracticeSessionState = initialSession) =>
  events.reduce(practiceSessionReducer, from);

describe("a practice session", () => {
  it("stays in the setup when there is nothing to ask", () => {
    expect(run([{ type: "started", cards: [], now: NOW }])).toEqual(initialSession);
  });

  it("asks the cards in the order given, each from a blank answer", () => {
    const asked = run([
      { type: "started", cards: [card("a"), card("b", ["x", "y"])], now: NOW },
      { type: "typed", text: "my answer" },
      { type: "point-ticked", point: 1, covered: true },
    ]);
    expect(asked).toMatchObject({
      phase: "answer",
      position: 0,
      typed: "my answer",
      covered: [false, true, false, false, false],
      deadline: null,
    });
    const graded = run(
      [
        { type: "revealed" },
        { type: "graded", schedule: schedule(1, "2026-03-11"), today: TODAY },
        { type: "next", now: NOW },
      ],
      asked,
    );
    expect(graded).toMatchObject({ phase: "answer", position: 1, typed: "", covered: [false, false], timeUp: false });
  });

  it("grades by the key points ticked, once per card, and says when the card comes back", () => {
    const revealed = run([
      { type: "started", cards: [card("a")], now: NOW },
      { type: "revealed" },
      ...[0, 1, 2, 3].map((point): PracticeSessionEvent => ({ type: "point-ticked", point, covered: true })),
    ]);
    expect(coveredScore(revealed)).toBe(0.8);
    const graded = run([{ type: "graded", schedule: schedule(2, "2026-03-12"), today: TODAY }], revealed);
    expect(currentGrade(graded)).toMatchObject({ score: 0.8, verdict: "strong", schedule: { box: 2 } });
    expect(graded.announcement).toBe("Strong: the card moves up a box. Next due in 2 days.");
    expect(run([{ type: "graded", schedule: schedule(1, "2026-03-11"), today: TODAY }], graded)).toBe(graded);
  });

  it("runs a clock on timed answers, warns at 30 seconds and reveals the model answer when time is up", () => {
    const timed = run([
      { type: "options-changed", options: { timed: true } },
      { type: "started", cards: [card("a")], now: NOW },
    ]);
    expect(timed).toMatchObject({ deadline: NOW + SECONDS_PER_ANSWER * 1000, remaining: SECONDS_PER_ANSWER });
    expect(run([{ type: "ticked", now: NOW + 5_000 }], timed)).toMatchObject({ remaining: 115, announcement: "" });
    expect(run([{ type: "ticked", now: NOW + 90_500 }], timed)).toMatchObject({
      remaining: 29.5,
      announcement: "30 seconds left.",
    });
    const up = run([{ type: "ticked", now: NOW + 121_000 }], timed);
    expect(up).toMatchObject({
      phase: "reveal",
      timeUp: true,
      deadline: null,
      announcement: "Time's up. The model answer is shown.",
    });
    expect(run([{ type: "ticked", now: NOW + 200_000 }], up)).toBe(up);
  });

  it("stops the clock when the answer is revealed", () => {
    const revealed = run([
      { type: "options-changed", options: { timed: true } },
      { type: "started", cards: [card("a")], now: NOW },
      { type: "revealed" },
    ]);
    expect(revealed.deadline).toBeNull();
    expect(run([{ type: "ticked", now: NOW + 200_000 }], revealed)).toBe(revealed);
  });

  it("ends after the last card, keeping every grade for the summary, and goes back to the setup with the options kept", () => {
    const done = run([
      { type: "options-changed", options: { scope: "all", shuffled: true } },
      { type: "started", cards: [card("a")], now: NOW },
      { type: "revealed" },
      { type: "graded", schedule: schedule(1, "2026-03-11"), today: TODAY },
      { type: "next", now: NOW },
    ]);
    expect(done.phase).toBe("done");
    expect(done.graded.map((grade) => [grade.card.id, grade.verdict])).toEqual([["a", "weak"]]);
    expect(run([{ type: "back-to-setup" }], done)).toMatchObject({
      phase: "setup",
      options: { timed: false, shuffled: true, scope: "all" },
    });
  });
});
