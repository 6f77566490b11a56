import styles from "./presenter.module.css";

/** A step's speaker notes, one item per point (the side panel and the notes window both show them). */
export function NotesList({ notes }: { notes: string[] }) {
  if (notes.length === 0) return <p className={styles.muted}>No notes for this step.</p>;
  return (
    <ul>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
