import type { Scenario } from "../scenario";
import { DOCKER, freeLoopbackPort, pollUntil, probe, removeContainer, sleep } from "../kit";

const ORPHANS = 3;

export const zombies: Scenario<"zombies"> = {
  name: "zombies",
  title: "Orphaned processes: who reaps them with node or tini as PID 1?",
  basesUsed: ["slim"],
  async run({ session, images }) {
    const rows = [];
    for (const pid1 of ["node", "tini"] as const) {
      const name = `course-zombies-${pid1}`;
      removeContainer(name);
      const port = await freeLoopbackPort();
      const flags = pid1 === "node" ? ["--entrypoint", "node"] : [];
      const command = pid1 === "node" ? ["dist/server.js"] : [];
      session.comment(`PID 1 = ${pid1}: start ${ORPHANS} short-lived orphans, then list the container's processes`);
      await session.exec(DOCKER, ["run", "-d", "--name", name, "-p", `127.0.0.1:${port}:3000`, ...flags, images.optimized, ...command], {
        display: ["docker run -d --name", name, "-p", `127.0.0.1:${port}:3000`, ...flags, images.optimized, ...command].join(" "),
      });
      const ready = await pollUntil(async () => (await probe(`http://127.0.0.1:${port}/healthz`)) === 200, 100, 200);
      if (!ready) throw new Error(`${name} never became ready`);
      session.mark("ready", `PID 1 = ${pid1}: serving`, { container: "running", pid1 });
      for (let i = 0; i < ORPHANS; i++) {
        await session.exec("curl", ["-sS", "-X", "POST", `http://127.0.0.1:${port}/orphan`], { timeoutMs: 10_000 });
        session.write("\n");
      }
      await sleep(1500); // each orphan lives 300 ms; give PID 1 every chance to reap them
      const top = await session.exec(DOCKER, ["top", name, "-o", "pid,ppid,stat,comm"], { timeoutMs: 10_000 });
      const zombiesAfter = top.output.split("\n").filter((line) => /^\s*\d+\s+\d+\s+Z/.test(line)).length;
      session.mark("zombies", `PID 1 = ${pid1}: ${zombiesAfter} zombie process${zombiesAfter === 1 ? "" : "es"}`, {});
      await session.exec(DOCKER, ["rm", "-f", name], { timeoutMs: 30_000 });
      rows.push({ pid1, orphansStarted: ORPHANS, zombiesAfter });
    }
    return { rows };
  },
};
