import { describe, expect, it } from "vitest";
import { basePathFrom, withBasePath } from "./base-path";

describe("basePathFrom (COURSE_BASE_PATH)", () => {
  it("is empty at the root", () => {
    expect(basePathFrom(undefined)).toBe("");
    expect(basePathFrom("")).toBe("");
    expect(basePathFrom("/")).toBe("");
  });

  it("keeps a path and drops a trailing slash", () => {
    expect(basePathFrom("/course")).toBe("/course");
    expect(basePathFrom("/team/course/")).toBe("/team/course");
  });

  it("refuses what Next or a URL would not take, naming the variable and the value", () => {
    expect(() => basePathFrom("course")).toThrow(/COURSE_BASE_PATH must look like \/course.*got "course"/);
    expect(() => basePathFrom("/my course")).toThrow(/got "\/my course"/);
    expect(() => basePathFrom("https://example.org/course")).toThrow(/COURSE_BASE_PATH/);
  });
});

describe("withBasePath", () => {
  it("leaves a path alone when the site is at the root (no NEXT_PUBLIC_BASE_PATH in this process)", () => {
    expect(withBasePath("/recordings/stop-naive.cast")).toBe("/recordings/stop-naive.cast");
  });
});
