import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Bases } from "./bases";
import { SANDBOXES_DIR } from "./bases";
import { DOCKER, run } from "./docker";
import type { BuiltImages } from "./kit";

export const APP_DIR = path.join(SANDBOXES_DIR, "app");
export const NAIVE_DOCKERFILE = path.join(SANDBOXES_DIR, "images", "naive", "Dockerfile");
export const OPTIMIZED_DOCKERFILE = path.join(SANDBOXES_DIR, "images", "optimized", "Dockerfile");

/** The CA bundle for a TLS-intercepting proxy, passed as a BuildKit secret (never stored in a layer). */
export function caSecretArgs(): string[] {
  const bundle = process.env.COURSE_BUILD_CA ?? process.env.NODE_EXTRA_CA_CERTS;
  return bundle && process.env.COURSE_BUILD_CA !== "none" ? ["--secret", `id=ca,src=${bundle}`] : [];
}

/**
 * The naive build context is the app folder as a project without a .dockerignore has it:
 * sources, tests, README and the fake .env, but not this checkout's node_modules or dist.
 */
export function prepareNaiveContext(workDir: string): string {
  const context = path.join(workDir, "naive-context");
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  cpSync(APP_DIR, context, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)([/\\]|$)/.test(source) && path.basename(source) !== ".dockerignore",
  });
  return context;
}

export function buildArgs(
  image: "naive" | "optimized" | "distroless",
  bases: Bases,
  workDir: string,
  tag: string,
): string[] {
  const common = ["build", "--progress=plain", ...caSecretArgs(), "-t", tag];
  if (image === "naive")
    return [
      ...common,
      "--build-arg",
      `BASE_IMAGE=${bases.fat.ref}`,
      "-f",
      NAIVE_DOCKERFILE,
      prepareNaiveContext(workDir),
    ];
  const bases_ = [
    "--build-arg",
    `NODE_IMAGE=${bases.slim.ref}`,
    "--build-arg",
    `DISTROLESS_IMAGE=${bases.distroless.ref}`,
  ];
  const target = image === "distroless" ? ["--target", "distroless"] : [];
  return [...common, ...bases_, ...target, "-f", OPTIMIZED_DOCKERFILE, APP_DIR];
}

export const IMAGE_TAGS: BuiltImages = {
  naive: "course-demo:naive",
  optimized: "course-demo:optimized",
  distroless: "course-demo:distroless",
};

/** Builds the three app images (BuildKit's cache makes a repeat build take seconds); `signal` kills the build under way and starts no other. */
export async function buildImages(
  bases: Bases,
  workDir: string,
  progress: (message: string) => void,
  signal?: AbortSignal,
): Promise<Record<keyof BuiltImages, number>> {
  const seconds = {} as Record<keyof BuiltImages, number>;
  for (const image of ["naive", "optimized", "distroless"] as const) {
    const started = Date.now();
    const output: string[] = [];
    const code = await run(DOCKER, buildArgs(image, bases, workDir, IMAGE_TAGS[image]), (line) => output.push(line), {
      signal,
    });
    if (code !== 0) {
      writeFileSync(path.join(workDir, `build-${image}.log`), output.join("\n"));
      throw new Error(`building the ${image} image failed:\n${output.slice(-25).join("\n")}`);
    }
    seconds[image] = (Date.now() - started) / 1000;
    progress(`built ${IMAGE_TAGS[image]} in ${seconds[image].toFixed(1)} s`);
  }
  return seconds;
}
