/*
 * The exercise's lazy chunks, each downloaded once and none with the lesson: the interactive island
 * (with the lab panel), CodeMirror, and the rules (dockerfile-ast). The loader starts all three when
 * the exercise nears the viewport, so the editor does not wait for the island to ask for it.
 */

type Rules = typeof import("@/lib/exercise/rules");

export const loadExerciseIsland = () => import("./exercise-island").then((module) => module.ExerciseIsland);
export const loadEditor = () => import("./dockerfile-editor").then((module) => module.DockerfileEditor);
let rulesChunk: Promise<Rules> | undefined;
export const loadRules = () => (rulesChunk ??= import("@/lib/exercise/rules"));
