import { describe, expect, it } from "vitest";
import {
  choiceRules,
  isPermutation,
  moveLine,
  orderRules,
  predictRules,
  ratio,
  scoreChoice,
  scoreOrder,
  scoreSpot,
  spotRules,
} from "./scoring";
import { hashString, scrambledOrder } from "./shuffle";

describe("scoreChoice", () => {
  it("accepts exactly the correct option for a single choice", () => {
    expect(scoreChoice([2], [2])).toEqual({ correct: true, missed: [], wrong: [] });
    expect(scoreChoice([1], [2])).toEqual({ correct: false, missed: [2], wrong: [1] });
  });

  it("needs every correct option and no wrong one for a multiple choice", () => {
    expect(scoreChoice([0, 3], [0, 3]).correct).toBe(true);
    expect(scoreChoice([3, 0], [0, 3]).correct).toBe(true);
    expect(scoreChoice([0], [0, 3])).toEqual({ correct: false, missed: [3], wrong: [] });
    expect(scoreChoice([0, 1, 3], [0, 3])).toEqual({ correct: false, missed: [], wrong: [1] });
  });

  it("never counts an empty answer as correct", () => {
    expect(scoreChoice([], []).correct).toBe(false);
  });
});

describe("order-the-lines", () => {
  it("is correct only when every line is in its authored position", () => {
    expect(scoreOrder([0, 1, 2, 3])).toEqual({ correct: true, inPlace: [true, true, true, true], placedCount: 4 });
    expect(scoreOrder([0, 2, 1, 3])).toEqual({ correct: false, inPlace: [true, false, false, true], placedCount: 2 });
    expect(scoreOrder([]).correct).toBe(false);
  });

  it("moves a line up or down and ignores moves past either end", () => {
    expect(moveLine([0, 1, 2], 1, -1)).toEqual([1, 0, 2]);
    expect(moveLine([0, 1, 2], 1, 1)).toEqual([0, 2, 1]);
    expect(moveLine([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveLine([0, 1, 2], 2, 1)).toEqual([0, 1, 2]);
  });

  it("recognises a stored order that no longer fits the question", () => {
    expect(isPermutation([2, 0, 1], 3)).toBe(true);
    expect(isPermutation([0, 0, 1], 3)).toBe(false);
    expect(isPermutation([0, 1], 3)).toBe(false);
    expect(isPermutation([0, 1, 3], 3)).toBe(false);
  });

  it("starts from a scrambled order that is stable for an id and never already solved", () => {
    for (const id of ["layer-order", "a", "b", "dockerfile", "x1", "x2", "x3"]) {
      for (const length of [2, 3, 5, 8]) {
        const order = scrambledOrder(length, id);
        expect(isPermutation(order, length)).toBe(true);
        expect(scoreOrder(order).correct).toBe(false);
        expect(scrambledOrder(length, id)).toEqual(order);
      }
    }
    expect(hashString("abc")).toBe(hashString("abc"));
    expect(hashString("abc")).not.toBe(hashString("abd"));
  });
});

describe("spot-the-problem and ratios", () => {
  it("matches the picked line against the faulty one", () => {
    expect(scoreSpot(3, 3)).toBe(true);
    expect(scoreSpot(2, 3)).toBe(false);
  });

  it("computes a bounded ratio", () => {
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(5, 4)).toBe(1);
  });
});

describe("answer rules", () => {
  it("keeps a saved choice only while every pick is still an option", () => {
    const rules = choiceRules(3, [0, 2]);
    expect(rules.fits([0, 2])).toBe(true);
    expect(rules.fits([])).toBe(false);
    expect(rules.fits([0, 3])).toBe(false);
    expect(rules.isCorrect([2, 0])).toBe(true);
    expect(rules.isCorrect([0])).toBe(false);
  });

  it("keeps a saved order only while it is an order of the question's lines", () => {
    expect(orderRules(3).fits([2, 0, 1])).toBe(true);
    expect(orderRules(4).fits([2, 0, 1])).toBe(false);
    expect(orderRules(3).isCorrect([0, 1, 2])).toBe(true);
    expect(orderRules(3).isCorrect([1, 0, 2])).toBe(false);
  });

  it("takes exactly one line or one predicted outcome", () => {
    for (const rules of [spotRules(3, 1), predictRules(3, 1)]) {
      expect(rules.fits([1])).toBe(true);
      expect(rules.fits([])).toBe(false);
      expect(rules.fits([0, 1])).toBe(false);
      expect(rules.fits([3])).toBe(false);
      expect(rules.isCorrect([1])).toBe(true);
      expect(rules.isCorrect([2])).toBe(false);
      expect(rules.isCorrect([])).toBe(false);
    }
  });
});
