"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { gradeOf, initialLabPanelState, labPanelReducer } from "@/lib/lab/panel-state";
import { parseRunnerUrl } from "@/lib/lab/checks";
import { runnerUrlInHash } from "@/lib/lab/runner-link";

/** The runner's client validates every answer with zod: it loads when a runner is first used, not with the lesson. */
export const loadLabClient = () => import("@/lib/lab/client");

/**
 * Connects the lab panel's reducer to the runner: reads `#lab=` once, checks the runner's status,
 * streams a run and cancels it. A run still streaming when the panel goes away is cancelled (the
 * runner reads a closed stream as a cancel).
 */
export function useLabRunner(onGraded?: (grade: { passed: number; total: number }) => void) {
  const [state, dispatch] = useReducer(labPanelReducer, initialLabPanelState);
  const streaming = useRef<AbortController | null>(null);
  const { connection, run } = state;

  const connect = useCallback((text: string): string | null => {
    const parsed = parseRunnerUrl(text);
    if (!parsed.ok) return parsed.message;
    dispatch({ type: "address-entered", address: parsed.address });
    return null;
  }, []);

  useEffect(() => {
    const runnerUrl = runnerUrlInHash(window.location.hash);
    if (runnerUrl === null) return;
    connect(runnerUrl);
    // The token stays in memory only: not in the address bar, a bookmark or a shared link.
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  }, [connect]);

  useEffect(() => {
    if (connection.kind !== "checking") return;
    let current = true;
    void loadLabClient()
      .then(({ fetchLabStatus }) => fetchLabStatus(connection.address))
      .then((answer) => {
        if (!current) return;
        dispatch(
          answer.ok
            ? { type: "status-received", status: answer.status }
            : { type: "status-failed", message: answer.message },
        );
      });
    return () => {
      current = false;
    };
  }, [connection]);

  useEffect(() => () => streaming.current?.abort(), []);

  const grade = gradeOf(run);
  useEffect(() => {
    if (grade) onGraded?.(grade);
    // Reported once per finished run: the grade object is new only when the run changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);

  const start = useCallback(
    (dockerfile: string) => {
      if (connection.kind !== "connected" || run.kind === "running") return;
      const controller = new AbortController();
      streaming.current = controller;
      dispatch({ type: "run-requested" });
      loadLabClient()
        .then(({ streamLabRun }) =>
          streamLabRun(
            connection.address,
            dockerfile,
            (event) => dispatch({ type: "event", event }),
            controller.signal,
          ),
        )
        .then(({ refused }) => {
          dispatch(
            refused
              ? { type: "run-refused", message: refused }
              : { type: "stream-lost", message: "the runner closed the stream" },
          );
        })
        .catch((error: unknown) =>
          dispatch({
            type: "stream-lost",
            message: `the connection to the runner broke (${error instanceof Error ? error.message : String(error)})`,
          }),
        );
    },
    [connection, run.kind],
  );

  const cancel = useCallback(() => {
    if (connection.kind !== "connected") return;
    dispatch({ type: "cancel-requested" });
    // The runner streams "cancelled" once it has removed the run's containers; closing the stream is the fallback.
    loadLabClient()
      .then(({ cancelLabRun }) => cancelLabRun(connection.address))
      .catch(() => streaming.current?.abort());
  }, [connection]);

  const disconnect = useCallback(() => {
    streaming.current?.abort();
    dispatch({ type: "disconnected" });
  }, []);

  const recheck = useCallback(() => {
    if (connection.kind !== "none") dispatch({ type: "address-entered", address: connection.address });
  }, [connection]);

  return { state, connect, start, cancel, disconnect, recheck };
}
