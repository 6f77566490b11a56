import type { Scenario } from "../scenario";
import { DOCKER, freeLoopbackPort, labelFlags, pollUntil, probe, removeContainer, sleep } from "../kit";
import { PROCESS_LIST_SCRIPT, parseProcessList, processListArgs, zombiesIn } from "../processes";

const ORPHANS = 3;

export const zombies: Scenario<"zombies"> = {
  name: "zombies",
  title: "Orphaned processes: who reaps them with node or tini as PID 1?",
  basesUsed: ["slim"],
  async run({ session, images, labels }) {
    const rows = [];
    for (const pid1 of ["node", "tini"] as const) {
      const name = `course-zombies-${pid1}`;
      removeContainer(name);
      const port = await freeLoopbackPort();
      const flags = pid1 === "node" ? ["--entrypoint", "node"] : [];
      const command = pid1 === "node" ? ["dist/server.js"] : [];
      session.comment(
        `PID 1 = ${pid1}: start ${ORPHANS} short-lived orphans, then list the container's processes from inside it`,
      );
      await session.exec(
        DOCKER,
        [
          "run",
          "-d",
          "--name",
          name,
          ...labelFlags(labels),
          "-p",
          `127.0.0.1:${port}:3000`,
          ...flags,
          images.optimized,
          ...command,
        ],
        {
          display: [
            "docker run -d --name",
            name,
            "-p",
            `127.0.0.1:${port}:3000`,
            ...flags,
            images.optimized,
            ...command,
          ].join(" "),
        },
      );
      const ready = await pollUntil(
        async () => (await probe(`http://127.0.0.1:${port}/healthz`)) === 200,
        100,
        200,
        session.signal,
      );
      if (!ready) throw new Error(`${name} never became ready`);
      session.mark("ready", `PID 1 = ${pid1}: serving`, { container: "running", pid1 });
      let orphansStarted = 0;
      for (let i = 0; i < ORPHANS; i++) {
        const { output } = await session.exec(
          "curl",
          ["-sS", "-X", "POST", "-w", " HTTP %{http_code}\\n", `http://127.0.0.1:${port}/orphan`],
          {
            display: `curl -sS -X POST -w ' HTTP %{http_code}\\n' http://127.0.0.1:${port}/orphan`,
            timeoutMs: 10_000,
          },
        );
        if (/HTTP 202/.test(output)) orphansStarted++;
      }
      await sleep(1500, session.signal); // each orphan lives 300 ms; give PID 1 every chance to reap them
      session.comment(
        "PID (COMM) STATE PPID for every process in the container; Z = exited but never reaped (a zombie)",
      );
      const listing = await session.exec(DOCKER, processListArgs(name), {
        display: `docker exec ${name} sh -c "${PROCESS_LIST_SCRIPT}"`,
        timeoutMs: 10_000,
      });
      if (listing.code !== 0) throw new Error(`listing the processes of ${name} failed: ${listing.output}`);
      const zombiesAfter = zombiesIn(parseProcessList(listing.output)).length;
      session.mark("zombies", `PID 1 = ${pid1}: ${zombiesAfter} zombie process${zombiesAfter === 1 ? "" : "es"}`, {});
      await session.exec(DOCKER, ["rm", "-f", name], { timeoutMs: 30_000 });
      rows.push({ pid1, orphansStarted, zombiesAfter });
    }
    return { rows };
  },
};
