import type { PracticeCardInput } from "@/lib/practice/cards";

export const cards = [
  {
    id: "why-containers",
    origin: "interview",
    question: "Why ship a Node.js service in a container?",
    modelAnswer: "The image carries the runtime and the dependencies, so it runs the same everywhere.",
    keyPoints: ["Same runtime everywhere", "Dependencies travel with the app"],
  },
] satisfies PracticeCardInput[];
