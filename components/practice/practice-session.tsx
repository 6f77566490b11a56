"use client";

import { useEffect, useId, useReducer, useRef } from "react";
import { cardKey } from "@/lib/practice/card-key";
import type { PracticeCard } from "@/lib/practice/cards";
import { describeDue, toDay } from "@/lib/practice/dates";
import { dueCards, INTERVAL_DAYS, type CardSchedule } from "@/lib/practice/leitner";
import {
  coveredScore,
  currentGrade,
  initialSession,
  practiceSessionReducer,
  SECONDS_PER_ANSWER,
  VERDICT_TEXT,
  type SessionOptions,
} from "@/lib/practice/session";
import { useProgress, useProgressMeta } from "@/lib/progress/use-progress";
import { shuffle } from "@/lib/quiz/shuffle";
import styles from "./practice.module.css";

export interface PracticeDeckView {
  lesson: string;
  title: string;
  href: string;
  cards: PracticeCard[];
}

function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function PracticeSession({ decks }: { decks: PracticeDeckView[] }) {
  const domId = useId();
  const hydrated = useProgressMeta((meta) => meta.hydrated);
  const schedules = useProgress((state) => state.practice);
  const reviewCard = useProgress((state) => state.reviewCard);
  const allCards = decks.flatMap((deck) => deck.cards);
  const today = hydrated ? toDay(new Date()) : null;
  const due = today ? dueCards(allCards, schedules, today, cardKey) : [];

  const [session, dispatch] = useReducer(practiceSessionReducer, initialSession);
  const { phase, options, queue, position, typed, covered, graded, deadline, remaining, timeUp, announcement } =
    session;
  const { timed, shuffled, scope } = options;
  const current = currentGrade(session);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const modelRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const card = queue[position];

  useEffect(() => {
    if (phase === "answer") questionRef.current?.focus();
    if (phase === "reveal") modelRef.current?.focus();
    if (phase === "done") doneRef.current?.focus();
  }, [phase, position]);

  // The answer clock, while a timed card waits for its answer.
  useEffect(() => {
    if (phase !== "answer" || deadline === null) return;
    const timer = window.setInterval(() => dispatch({ type: "ticked", now: Date.now() }), 250);
    return () => window.clearInterval(timer);
  }, [phase, deadline]);

  const choose = (change: Partial<SessionOptions>) => dispatch({ type: "options-changed", options: change });

  function start() {
    const chosen = scope === "due" ? due : allCards;
    dispatch({ type: "started", cards: shuffled ? shuffle(chosen) : chosen, now: Date.now() });
  }

  function saveGrade() {
    if (!card) return;
    const schedule = reviewCard(cardKey(card), coveredScore(session));
    dispatch({ type: "graded", schedule, today: toDay(new Date()) });
  }

  const live = (
    <p role="status" className={styles.srOnly}>
      {announcement}
    </p>
  );

  if (phase === "setup" || !card) {
    return (
      <>
        <section className={styles.setup} aria-labelledby={`${domId}-setup`}>
          <h2 id={`${domId}-setup`}>Start a session</h2>
          {/* The form renders before the schedule loads (disabled), so nothing below it moves when it arrives. */}
          <p data-testid="due-summary">
            {hydrated ? (
              <>
                <strong>{due.length}</strong> of {allCards.length} cards are due today.
              </>
            ) : (
              <span className={styles.muted}>Loading your schedule…</span>
            )}
          </p>
          <fieldset className={styles.options} disabled={!hydrated}>
            <legend>Cards</legend>
            <label className={styles.check}>
              <input
                type="radio"
                name={`${domId}-scope`}
                checked={scope === "due"}
                onChange={() => choose({ scope: "due" })}
              />{" "}
              Due cards only ({due.length})
            </label>
            <label className={styles.check}>
              <input
                type="radio"
                name={`${domId}-scope`}
                checked={scope === "all"}
                onChange={() => choose({ scope: "all" })}
              />{" "}
              All cards ({allCards.length})
            </label>
          </fieldset>
          <fieldset className={styles.options} disabled={!hydrated}>
            <legend>Options</legend>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={timed}
                onChange={(event) => choose({ timed: event.currentTarget.checked })}
              />{" "}
              Timed: {SECONDS_PER_ANSWER / 60} minutes per answer
            </label>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={shuffled}
                onChange={(event) => choose({ shuffled: event.currentTarget.checked })}
              />{" "}
              Shuffle the cards
            </label>
          </fieldset>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.button}
              onClick={start}
              disabled={!hydrated || (scope === "due" ? due.length : allCards.length) === 0}
            >
              Start practice
            </button>
            {hydrated && scope === "due" && due.length === 0 ? (
              <span className={styles.muted}>Nothing is due today. Choose “All cards” to practise anyway.</span>
            ) : null}
          </div>
        </section>
        <ScheduleTable decks={decks} schedules={schedules} today={today} />
        {live}
      </>
    );
  }

  if (phase === "done") {
    return (
      <section className={styles.card} aria-labelledby={`${domId}-done`}>
        <h2 id={`${domId}-done`} ref={doneRef} tabIndex={-1}>
          Session complete
        </h2>
        <p>
          You reviewed {graded.length} card{graded.length === 1 ? "" : "s"}.
        </p>
        <ul>
          {graded.map((entry) => (
            <li key={entry.card.id}>
              {entry.card.question} — {Math.round(entry.score * 100)}% of key points, box {entry.schedule.box}, next due{" "}
              {entry.schedule.due}
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <button type="button" className={styles.button} onClick={() => dispatch({ type: "back-to-setup" })}>
            Back to the deck
          </button>
        </div>
        {live}
      </section>
    );
  }

  const deck = decks.find((d) => d.lesson === card.lesson);
  return (
    <section className={styles.card} aria-labelledby={`${domId}-question`}>
      <div className={styles.meta}>
        <span>
          Card {position + 1} of {queue.length}
          {deck ? ` · ${deck.title}` : ""}
        </span>
        {timed && phase === "answer" ? (
          <span
            className={`${styles.timer} ${remaining <= 30 ? styles.timerLow : ""}`}
            role="timer"
            aria-label="Time left to answer"
          >
            {formatClock(remaining)}
          </span>
        ) : null}
      </div>
      <h2 id={`${domId}-question`} className={styles.question} ref={questionRef} tabIndex={-1}>
        {card.question}
      </h2>
      {phase === "answer" ? (
        <>
          <label className={styles.answerLabel} htmlFor={`${domId}-typed`}>
            Your answer (optional: type it, or say it out loud)
          </label>
          <textarea
            id={`${domId}-typed`}
            className={styles.answer}
            value={typed}
            onChange={(event) => dispatch({ type: "typed", text: event.currentTarget.value })}
          />
          <div className={styles.actions}>
            <button type="button" className={styles.button} onClick={() => dispatch({ type: "revealed" })}>
              Reveal model answer
            </button>
          </div>
        </>
      ) : (
        <>
          {timeUp ? <p className={styles.timeUp}>Time&apos;s up. Compare what you had with the model answer.</p> : null}
          {typed.trim() ? (
            <>
              <h3>Your answer</h3>
              <p className={styles.yours}>{typed}</p>
            </>
          ) : null}
          <div className={styles.model}>
            <h3 ref={modelRef} tabIndex={-1}>
              Model answer
            </h3>
            {card.modelAnswer.split(/\n\s*\n/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
          <fieldset className={styles.points} disabled={current !== undefined}>
            <legend>Key points: tick each one your answer covered</legend>
            <ul>
              {card.keyPoints.map((point, index) => (
                <li key={point}>
                  <label className={styles.check}>
                    <input
                      type="checkbox"
                      checked={covered[index] ?? false}
                      onChange={(event) =>
                        dispatch({ type: "point-ticked", point: index, covered: event.currentTarget.checked })
                      }
                    />{" "}
                    {point}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {current ? (
            <>
              <p className={styles.graded} data-testid="grade-result">
                You covered {covered.filter(Boolean).length} of {card.keyPoints.length} key points.{" "}
                {VERDICT_TEXT[current.verdict]} (box {current.schedule.box}). Next due:{" "}
                <strong>{current.schedule.due}</strong> (
                {describeDue(current.schedule.due, current.schedule.lastReviewed)}).
              </p>
              <div className={styles.actions}>
                <button
                  type="button"
                  className={styles.button}
                  onClick={() => dispatch({ type: "next", now: Date.now() })}
                >
                  {position + 1 < queue.length ? "Next card" : "Finish session"}
                </button>
              </div>
            </>
          ) : (
            <div className={styles.actions}>
              <button type="button" className={styles.button} onClick={saveGrade}>
                Save my grade
              </button>
            </div>
          )}
        </>
      )}
      {live}
    </section>
  );
}

function ScheduleTable({
  decks,
  schedules,
  today,
}: {
  decks: PracticeDeckView[];
  schedules: Record<string, CardSchedule>;
  today: string | null;
}) {
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Your schedule</h2>
      <p className={styles.muted}>
        Cards live in five boxes. Tick at least 80% of the key points and a card moves up a box; 50–79% keeps it where
        it is; below 50% sends it back to box 1. Box 1 comes back after {INTERVAL_DAYS[1]} day, box 2 after{" "}
        {INTERVAL_DAYS[2]}, box 3 after {INTERVAL_DAYS[3]}, box 4 after {INTERVAL_DAYS[4]} and box 5 after{" "}
        {INTERVAL_DAYS[5]} days, so weak cards return soonest.
      </p>
      {decks.map((deck) => (
        <div key={deck.lesson} className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.srOnly}>Practice cards for {deck.title}</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Box</th>
                <th scope="col">Next due</th>
              </tr>
            </thead>
            <tbody>
              {deck.cards.map((card) => {
                const schedule = schedules[cardKey(card)];
                return (
                  <tr key={card.id} data-card={card.id}>
                    <td>{card.question}</td>
                    <td>{schedule ? schedule.box : "new"}</td>
                    <td>
                      {today === null
                        ? "…"
                        : schedule
                          ? `${schedule.due} (${describeDue(schedule.due, today)})`
                          : "today (new)"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
