import type { CSSProperties, ReactNode } from "react";
import styles from "./traffic-chart.module.css";

/**
 * Puts the player's clock on a server-rendered TrafficChart: the playhead sits at time / duration
 * (the chart's own recording, which in a compare may be shorter than the other), and a click on
 * the plot seeks to the moment under the pointer.
 */
export function ChartPlayhead({
  chart,
  duration,
  time,
  onSeek,
}: {
  chart: ReactNode;
  duration: number;
  time: number;
  onSeek: (time: number) => void;
}) {
  const fraction = Math.min(1, Math.max(0, time / duration));
  return (
    <div
      className={styles.live}
      style={{ "--playhead": fraction } as CSSProperties}
      data-playhead={fraction.toFixed(4)}
      onClick={(event) => {
        const plot = (event.target as Element).closest("[data-plot]");
        if (!plot) return;
        const box = plot.getBoundingClientRect();
        onSeek(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * duration);
      }}
    >
      {chart}
    </div>
  );
}
