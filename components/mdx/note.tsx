import type { ReactNode } from "react";

const LABELS = { note: "Note", warning: "Watch out", measured: "What we measured", analogy: "Analogy" } as const;

export interface NoteProps {
  kind?: keyof typeof LABELS;
  title?: string;
  children: ReactNode;
}

/** An aside in the lesson's flow: a tip, a pitfall, an analogy or a measured fact. */
export function Note({ kind = "note", title, children }: NoteProps) {
  return (
    <aside className={`note note--${kind}`} aria-label={title ?? LABELS[kind]}>
      <p className="note__title">{title ?? LABELS[kind]}</p>
      <div className="note__body">{children}</div>
    </aside>
  );
}
