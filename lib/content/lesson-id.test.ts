import { describe, expect, it } from "vitest";
import { lessonId, lessonIdFromFile } from "./lesson-id";

describe("lesson ids", () => {
  it("derives the lesson id from the file path", () => {
    expect(lessonIdFromFile("content/production-and-scaling/dockerizing-nodejs.mdx")).toBe(
      "production-and-scaling/dockerizing-nodejs",
    );
  });

  it("names a lesson's companion files after the lesson, and matches the id built from the slugs", () => {
    expect(lessonIdFromFile("content/production-and-scaling/dockerizing-nodejs.practice.ts")).toBe(
      lessonId("production-and-scaling", "dockerizing-nodejs"),
    );
    expect(lessonIdFromFile("C:\\course\\content\\basics\\first-steps.mdx")).toBe("basics/first-steps");
  });
});
