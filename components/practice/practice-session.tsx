"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cardKey, type PracticeCard } from "@/lib/practice/cards";
import { describeDue, toDay } from "@/lib/practice/dates";
import { dueCards, INTERVAL_DAYS, selfGradeScore, verdictFor, type CardSchedule, type Verdict } from "@/lib/practice/leitner";
import { useProgress, useProgressMeta } from "@/lib/progress/use-progress";
import { shuffle } from "@/lib/quiz/shuffle";
import styles from "./practice.module.css";

export interface PracticeDeckView {
  lesson: string;
  title: string;
  href: string;
  cards: PracticeCard[];
}

export const SECONDS_PER_ANSWER = 120;

type Phase = "setup" | "answer" | "reveal" | "done";

interface Graded {
  card: PracticeCard;
  score: number;
  verdict: Verdict;
  schedule: CardSchedule;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  strong: "Strong: the card moves up a box",
  shaky: "Shaky: the card stays in its box",
  weak: "Weak: the card goes back to box 1",
};

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
  const keyed = allCards.map((card) => ({ ...card, id: cardKey(card), cardId: card.id }));
  const today = hydrated ? toDay(new Date()) : null;
  const due = today ? dueCards(keyed, schedules, today) : [];

  const [phase, setPhase] = useState<Phase>("setup");
  const [timed, setTimed] = useState(false);
  const [shuffled, setShuffled] = useState(false);
  const [scope, setScope] = useState<"due" | "all">("due");
  const [queue, setQueue] = useState<PracticeCard[]>([]);
  const [position, setPosition] = useState(0);
  const [typed, setTyped] = useState("");
  const [covered, setCovered] = useState<boolean[]>([]);
  const [graded, setGraded] = useState<Graded[]>([]);
  const [current, setCurrent] = useState<Graded | null>(null);
  const [deadline, setDeadline] = useState<number | null>(null);
  const [remaining, setRemaining] = useState(SECONDS_PER_ANSWER);
  const [timeUp, setTimeUp] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const questionRef = useRef<HTMLHeadingElement>(null);
  const modelRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const card = queue[position];

  useEffect(() => {
    if (phase === "answer") questionRef.current?.focus();
    if (phase === "reveal") modelRef.current?.focus();
    if (phase === "done") doneRef.current?.focus();
  }, [phase, position]);

  useEffect(() => {
    if (phase !== "answer" || deadline === null) return;
    const tick = () => {
      const left = (deadline - Date.now()) / 1000;
      setRemaining(left);
      if (left <= 0) {
        setTimeUp(true);
        setPhase("reveal");
        setAnnouncement("Time's up. The model answer is shown.");
      } else if (Math.ceil(left) === 30) {
        setAnnouncement("30 seconds left.");
      }
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [phase, deadline]);

  function startCard(next: PracticeCard | undefined) {
    setTyped("");
    setCovered(next ? next.keyPoints.map(() => false) : []);
    setCurrent(null);
    setTimeUp(false);
    setRemaining(SECONDS_PER_ANSWER);
    setDeadline(timed ? Date.now() + SECONDS_PER_ANSWER * 1000 : null);
  }

  function start() {
    const chosen = scope === "due" ? due : keyed;
    const cards = chosen.map((entry) => allCards.find((c) => cardKey(c) === entry.id)).filter((c): c is PracticeCard => c !== undefined);
    const ordered = shuffled ? shuffle(cards) : cards;
    if (ordered.length === 0) return;
    setQueue(ordered);
    setPosition(0);
    setGraded([]);
    startCard(ordered[0]);
    setPhase("answer");
  }

  function reveal() {
    setPhase("reveal");
    setDeadline(null);
  }

  function saveGrade() {
    if (!card) return;
    const score = selfGradeScore(covered.filter(Boolean).length, card.keyPoints.length);
    const schedule = reviewCard(cardKey(card), score);
    const result = { card, score, verdict: verdictFor(score), schedule };
    setCurrent(result);
    setGraded((list) => [...list, result]);
    setAnnouncement(`${VERDICT_TEXT[result.verdict]}. Next due ${describeDue(schedule.due, toDay(new Date()))}.`);
  }

  function next() {
    const nextPosition = position + 1;
    if (nextPosition >= queue.length) {
      setPhase("done");
      return;
    }
    setPosition(nextPosition);
    startCard(queue[nextPosition]);
    setPhase("answer");
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
          {!hydrated ? (
            <p className={styles.muted}>Loading your schedule…</p>
          ) : (
            <>
              <p data-testid="due-summary">
                <strong>{due.length}</strong> of {keyed.length} cards are due today.
              </p>
              <fieldset className={styles.options}>
                <legend>Cards</legend>
                <label className={styles.check}>
                  <input type="radio" name={`${domId}-scope`} checked={scope === "due"} onChange={() => setScope("due")} /> Due cards only ({due.length})
                </label>
                <label className={styles.check}>
                  <input type="radio" name={`${domId}-scope`} checked={scope === "all"} onChange={() => setScope("all")} /> All cards ({keyed.length})
                </label>
              </fieldset>
              <fieldset className={styles.options}>
                <legend>Options</legend>
                <label className={styles.check}>
                  <input type="checkbox" checked={timed} onChange={(event) => setTimed(event.currentTarget.checked)} /> Timed: {SECONDS_PER_ANSWER / 60} minutes per answer
                </label>
                <label className={styles.check}>
                  <input type="checkbox" checked={shuffled} onChange={(event) => setShuffled(event.currentTarget.checked)} /> Shuffle the cards
                </label>
              </fieldset>
              <div className={styles.actions}>
                <button type="button" className={styles.button} onClick={start} disabled={(scope === "due" ? due.length : keyed.length) === 0}>
                  Start practice
                </button>
                {scope === "due" && due.length === 0 ? <span className={styles.muted}>Nothing is due today. Choose “All cards” to practise anyway.</span> : null}
              </div>
            </>
          )}
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
              {entry.card.question} — {Math.round(entry.score * 100)}% of key points, box {entry.schedule.box}, next due {entry.schedule.due}
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <button type="button" className={styles.button} onClick={() => setPhase("setup")}>
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
          <span className={`${styles.timer} ${remaining <= 30 ? styles.timerLow : ""}`} role="timer" aria-label="Time left to answer">
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
          <textarea id={`${domId}-typed`} className={styles.answer} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} />
          <div className={styles.actions}>
            <button type="button" className={styles.button} onClick={reveal}>
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
          <fieldset className={styles.points} disabled={current !== null}>
            <legend>Key points: tick each one your answer covered</legend>
            <ul>
              {card.keyPoints.map((point, index) => (
                <li key={point}>
                  <label className={styles.check}>
                    <input
                      type="checkbox"
                      checked={covered[index] ?? false}
                      onChange={(event) => {
                        const checked = event.currentTarget.checked;
                        setCovered((list) => list.map((value, i) => (i === index ? checked : value)));
                      }}
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
                You covered {covered.filter(Boolean).length} of {card.keyPoints.length} key points. {VERDICT_TEXT[current.verdict]} (box {current.schedule.box}).
                Next due: <strong>{current.schedule.due}</strong> ({describeDue(current.schedule.due, current.schedule.lastReviewed)}).
              </p>
              <div className={styles.actions}>
                <button type="button" className={styles.button} onClick={next}>
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

function ScheduleTable({ decks, schedules, today }: { decks: PracticeDeckView[]; schedules: Record<string, CardSchedule>; today: string | null }) {
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Your schedule</h2>
      <p className={styles.muted}>
        Cards live in five boxes. Tick at least 80% of the key points and a card moves up a box; 50–79% keeps it where it is; below 50% sends it back to
        box 1. Box 1 comes back after {INTERVAL_DAYS[1]} day, box 2 after {INTERVAL_DAYS[2]}, box 3 after {INTERVAL_DAYS[3]}, box 4 after {INTERVAL_DAYS[4]} and
        box 5 after {INTERVAL_DAYS[5]} days, so weak cards return soonest.
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
                    <td>{today === null ? "…" : schedule ? `${schedule.due} (${describeDue(schedule.due, today)})` : "today (new)"}</td>
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
