"use client";

import { useId, useLayoutEffect, useRef, useState, type ElementType, type ReactNode } from "react";

/** One object for every render: React compares it by identity, so an unchanged one never rewrites innerHTML. */
const KEEP_SERVER_MARKUP = { __html: "" };

export interface StaticMarkupProps {
  /** The element's tag, e.g. "p" or "ul". */
  tag: string;
  /** Its attributes, as React props (className, id, aria-*, data-*). */
  attributes: Record<string, unknown>;
  /** Its content: plain HTML elements and text only (see keepStatic). */
  children: ReactNode;
}

/**
 * A piece of server-rendered HTML that the browser keeps as it is. While the page hydrates,
 * React takes the element as having raw inner HTML and neither walks nor re-creates what is inside,
 * so a lesson's prose costs the phone no hydration. Rendered anew on the client (a client-side
 * navigation to the lesson), it renders its children like any element.
 */
export function StaticMarkup({ tag, attributes, children }: StaticMarkupProps) {
  const id = useId();
  const element = useRef<HTMLElement>(null);
  // useId gives the same id on the server and while hydrating, and another on a fresh client render,
  // so the server's element is in the document exactly when this render is hydrating it.
  const [hydrating, setHydrating] = useState(
    () =>
      typeof document !== "undefined" && document.querySelector(`[data-static-markup="${CSS.escape(id)}"]`) !== null,
  );
  useLayoutEffect(() => {
    // Had React thrown the server's markup away and rendered afresh (after a hydration error
    // elsewhere), the element would be empty: render the content instead of showing nothing.
    if (hydrating && element.current && !element.current.hasChildNodes()) setHydrating(false);
  }, [hydrating]);
  const Tag = tag as ElementType;
  return hydrating ? (
    <Tag
      {...attributes}
      ref={element}
      data-static-markup={id}
      dangerouslySetInnerHTML={KEEP_SERVER_MARKUP}
      suppressHydrationWarning
    />
  ) : (
    <Tag {...attributes} ref={element} data-static-markup={id}>
      {children}
    </Tag>
  );
}
