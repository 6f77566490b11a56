import { describe, expect, it } from "vitest";
import { presenterAction } from "./keys";

const press = (key: string, modifiers: Partial<Record<"altKey" | "ctrlKey" | "metaKey", boolean>> = {}) =>
  presenterAction({ key, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe("presenter keys", () => {
  it("steps with a clicker's PageDown/PageUp and with the arrows", () => {
    expect([press("PageDown"), press("ArrowRight"), press("ArrowDown"), press("n")]).toEqual(Array(4).fill("next-step"));
    expect([press("PageUp"), press("ArrowLeft"), press("ArrowUp"), press("P")]).toEqual(Array(4).fill("previous-step"));
  });

  it("drives the player like its own keys do", () => {
    expect([press(" "), press("k"), press("K"), press(".")]).toEqual(Array(4).fill("toggle-play"));
    expect(press("]")).toBe("next-marker");
    expect(press("[")).toBe("previous-marker");
  });

  it("leaves browser shortcuts alone", () => {
    expect(press("ArrowRight", { altKey: true })).toBeUndefined();
    expect(press("l", { ctrlKey: true })).toBeUndefined();
    expect(press("r", { metaKey: true })).toBeUndefined();
    expect(press("x")).toBeUndefined();
  });
});
