import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { EXERCISES, isExerciseId, type ExerciseEntry, type ExerciseId } from "./catalogue";

export interface LoadedExercise extends ExerciseEntry {
  id: ExerciseId;
  startText: string;
  modelText: string;
}

/** An exercise with its starting and model Dockerfiles read from the repo; an unknown id fails the build naming the known ones. */
export function loadExercise(id: string): LoadedExercise {
  if (!isExerciseId(id))
    throw new Error(
      `<DockerfileExercise id="${id}"> is not a known exercise; known: ${Object.keys(EXERCISES).join(", ")}`,
    );
  const entry = EXERCISES[id];
  const read = (file: string) => readFileSync(/*turbopackIgnore: true*/ path.join(process.cwd(), file), "utf8");
  return { ...entry, id, startText: read(entry.start), modelText: read(entry.model) };
}
