import { describe, expect, it } from "vitest";
import { addDays, daysBetween, describeDue, isDay, toDay } from "./dates";
import { dueCards, isDue, review, selfGradeScore, streak, verdictFor, type CardSchedule } from "./leitner";

const TODAY = "2026-03-10";

function scheduled(box: CardSchedule["box"], due: string): CardSchedule {
  return { box, due, lastReviewed: "2026-03-01", reviews: 3, lapses: 0, lastScore: 1 };
}

describe("Leitner scheduling", () => {
  it("grades by the share of key points covered", () => {
    expect(selfGradeScore(4, 5)).toBe(0.8);
    expect(selfGradeScore(0, 0)).toBe(0);
    expect(verdictFor(0.8)).toBe("strong");
    expect(verdictFor(0.79)).toBe("shaky");
    expect(verdictFor(0.5)).toBe("shaky");
    expect(verdictFor(0.49)).toBe("weak");
  });

  it("moves a strong new card to box 2, due in two days", () => {
    expect(review(undefined, 1, TODAY)).toEqual({
      box: 2,
      due: "2026-03-12",
      lastReviewed: TODAY,
      reviews: 1,
      lapses: 0,
      lastScore: 1,
    });
  });

  it("keeps a weak or shaky new card in box 1, due tomorrow", () => {
    expect(review(undefined, 0.2, TODAY)).toMatchObject({ box: 1, due: "2026-03-11", lapses: 0 });
    expect(review(undefined, 0.6, TODAY)).toMatchObject({ box: 1, due: "2026-03-11" });
  });

  it("promotes strong answers up to box 5 with growing intervals", () => {
    let schedule: CardSchedule | undefined;
    const dues: string[] = [];
    let day = TODAY;
    for (let i = 0; i < 6; i++) {
      schedule = review(schedule, 1, day);
      dues.push(`${schedule.box}:${daysBetween(day, schedule.due)}`);
      day = schedule.due;
    }
    expect(dues).toEqual(["2:2", "3:4", "4:8", "5:16", "5:16", "5:16"]);
  });

  it("sends a weak answer back to box 1 and counts the lapse, so weak cards return sooner", () => {
    const weak = review(scheduled(4, TODAY), 0.25, TODAY);
    expect(weak).toMatchObject({ box: 1, due: "2026-03-11", lapses: 1, reviews: 4 });
    const shaky = review(scheduled(4, TODAY), 0.6, TODAY);
    expect(shaky).toMatchObject({ box: 4, due: "2026-03-18", lapses: 0 });
    expect(daysBetween(TODAY, weak.due)).toBeLessThan(daysBetween(TODAY, shaky.due));
  });

  it("lists due cards: overdue first, then lower boxes, new cards last", () => {
    const cards = [{ id: "new" }, { id: "later" }, { id: "box3" }, { id: "overdue" }, { id: "box1" }];
    const schedules = {
      later: scheduled(2, "2026-03-12"),
      box3: scheduled(3, TODAY),
      overdue: scheduled(5, "2026-03-01"),
      box1: scheduled(1, TODAY),
    };
    expect(dueCards(cards, schedules, TODAY).map((card) => card.id)).toEqual(["overdue", "box1", "box3", "new"]);
    expect(isDue(undefined, TODAY)).toBe(true);
    expect(isDue(schedules.later, TODAY)).toBe(false);
  });

  it("finds each card's schedule by the key it is stored under", () => {
    const cards = [
      { id: "user", lesson: "a" },
      { id: "user", lesson: "b" },
    ];
    const due = dueCards(cards, { "a#user": scheduled(2, "2026-03-12") }, TODAY, (card) => `${card.lesson}#${card.id}`);
    expect(due).toEqual([cards[1]]);
  });

  it("counts a streak of consecutive practice days ending today or yesterday", () => {
    expect(streak([], TODAY)).toBe(0);
    expect(streak(["2026-03-08", "2026-03-09", "2026-03-10"], TODAY)).toBe(3);
    expect(streak(["2026-03-08", "2026-03-09"], TODAY)).toBe(2);
    expect(streak(["2026-03-07", "2026-03-09", "2026-03-10"], TODAY)).toBe(2);
    expect(streak(["2026-03-07", "2026-03-08"], TODAY)).toBe(0);
  });
});

describe("calendar days", () => {
  it("does day arithmetic across month ends and DST changes", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-03-28", "2026-04-02")).toBe(5);
  });

  it("validates day strings and formats local dates", () => {
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2026-3-1")).toBe(false);
    expect(toDay(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });

  it("describes a due date relative to today", () => {
    expect(describeDue(TODAY, TODAY)).toBe("today");
    expect(describeDue("2026-03-11", TODAY)).toBe("tomorrow");
    expect(describeDue("2026-03-14", TODAY)).toBe("in 4 days");
    expect(describeDue("2026-03-08", TODAY)).toBe("2 days overdue");
    expect(describeDue("2026-06-01", TODAY)).toBe("2026-06-01");
  });
});
