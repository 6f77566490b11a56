import type { ScenarioFacts } from "@/lib/recordings/manifest-schema";
import type { Scenario } from "../scenario";
import { DOCKER, labelFlags } from "../kit";

export const FAKE_SECRET = "fake-sk-live-0000-COURSE-DEMO-NOT-A-REAL-SECRET";

/** Runs inside each image with its own node: no shell needed, so it works on distroless too. */
export const SECRET_SCAN = `
const fs = require("fs"), path = require("path");
const found = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== "node_modules") walk(file); }
    else if (fs.statSync(file).size < 1e6 && fs.readFileSync(file, "utf8").includes(${JSON.stringify(FAKE_SECRET)})) found.push(file);
  }
})("/app");
const uid = process.getuid();
const user = (fs.readFileSync("/etc/passwd", "utf8").split("\\n").find((l) => l.split(":")[2] === String(uid)) || "?").split(":")[0];
console.log(JSON.stringify({ envFilePresent: fs.existsSync("/app/.env"), secretFoundIn: found, uid, user }));
`.trim();

/** The scan's last output line, as the row's facts. */
export function parseSecretScan(output: string): Omit<ScenarioFacts<"secrets-and-user">["rows"][number], "image"> {
  const result = JSON.parse(output.trim().split("\n").pop() ?? "") as {
    envFilePresent: boolean;
    secretFoundIn: string[];
    uid: number;
    user: string;
  };
  return {
    envFilePresent: result.envFilePresent,
    secretFound: result.secretFoundIn.length > 0,
    uid: result.uid,
    user: result.user,
  };
}

export const secretsAndUser: Scenario<"secrets-and-user"> = {
  name: "secrets-and-user",
  title: "Is the fake .env secret in the image, and who does the process run as?",
  basesUsed: ["fat", "slim", "distroless"],
  async run({ session, images, labels }) {
    const rows: ScenarioFacts<"secrets-and-user">["rows"] = [];
    for (const image of ["naive", "optimized", "distroless"] as const) {
      const ref = images[image];
      const node = image === "distroless" ? "/nodejs/bin/node" : "node";
      session.comment(`${image}: who runs the process?`);
      await session.exec(DOCKER, ["run", "--rm", ...labelFlags(labels), "--entrypoint", "id", ref], {
        display: `${DOCKER} run --rm --entrypoint id ${ref}`,
        timeoutMs: 30_000,
      });
      session.comment(`${image}: is there a .env, and does any file under /app hold the fake secret?`);
      const { output, code } = await session.exec(
        DOCKER,
        ["run", "--rm", ...labelFlags(labels), "--entrypoint", node, ref, "-e", SECRET_SCAN],
        {
          display: `docker run --rm --entrypoint ${node} ${ref} -e '<scan /app for the fake secret; print uid>'`,
          timeoutMs: 60_000,
        },
      );
      if (code !== 0) throw new Error(`the secret scan failed in ${ref}: ${output}`);
      const result = parseSecretScan(output);
      session.mark("finding", `${image}: .env ${result.envFilePresent ? "present" : "absent"}, uid ${result.uid}`);
      rows.push({ image, ...result });
    }
    return { rows };
  },
};
