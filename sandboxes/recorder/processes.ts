/**
 * A container's processes as its own PID namespace sees them, read from /proc INSIDE it.
 *
 * Why not `docker top`: on Docker 20.10 it lists only live processes, so an exited child that
 * PID 1 never reaped (a zombie, state Z) does not appear and a count from it is always 0. The
 * kernel keeps a zombie's /proc/<pid>/stat until it is reaped, so reading stat from inside the
 * container sees it. Fields 1-4 of stat are: pid, (comm), state, ppid.
 */
export const PROCESS_LIST_SCRIPT = "cut -d' ' -f1-4 /proc/[0-9]*/stat";

/** `docker exec` arguments that print the container's processes (needs `sh` and `cut`, as the slim image has). */
export const processListArgs = (container: string) => ["exec", container, "sh", "-c", PROCESS_LIST_SCRIPT];

export interface ContainerProcess {
  pid: number;
  comm: string;
  /** R running, S sleeping, Z zombie (exited, not yet reaped by its parent), … */
  state: string;
  ppid: number;
}

/** Parses the lines PROCESS_LIST_SCRIPT prints; anything else in the output is ignored. */
export function parseProcessList(output: string): ContainerProcess[] {
  const processes: ContainerProcess[] = [];
  for (const line of output.split("\n")) {
    const match = /^(\d+) \((.*)\) ([A-Za-z]) (\d+)\s*$/.exec(line.trim());
    if (match) processes.push({ pid: Number(match[1]), comm: match[2]!, state: match[3]!, ppid: Number(match[4]) });
  }
  return processes;
}

export const zombiesIn = (processes: ContainerProcess[]) => processes.filter((process) => process.state === "Z");
