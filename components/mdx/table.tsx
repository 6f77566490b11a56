import type { ComponentProps } from "react";

/**
 * A Markdown table in a lesson, dressed like the lesson's recorded tables: it scrolls sideways
 * inside its own box on a phone instead of widening the page.
 */
export function Table(props: ComponentProps<"table">) {
  return (
    <div className="table-scroll">
      <table className="data-table" {...props} />
    </div>
  );
}

/** Markdown puts header cells only in a table's first row: each heads its column. */
export function TableHeader(props: ComponentProps<"th">) {
  return <th scope="col" {...props} />;
}
