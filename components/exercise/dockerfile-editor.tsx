"use client";

import { useEffect, useRef } from "react";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { dockerFile } from "@codemirror/legacy-modes/mode/dockerfile";
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import styles from "./exercise.module.css";

export interface DockerfileEditorProps {
  value: string;
  onChange(text: string): void;
  /** The editor's accessible name. */
  label: string;
  /** The id of the text that tells keyboard users how to leave the editor. */
  describedBy: string;
  /** Escape leaves the editor (Tab does too: it is not bound, so it moves focus as everywhere else). */
  onEscape(): void;
}

/** Token colours from the site's own variables, so both themes read well without a second stylesheet. */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, class: styles.tokKeyword },
  { tag: [tags.string, tags.special(tags.string)], class: styles.tokString },
  { tag: tags.comment, class: styles.tokComment },
  { tag: [tags.variableName, tags.number, tags.atom], class: styles.tokValue },
]);

/**
 * The CodeMirror 6 editor: the only module that imports CodeMirror, loaded by the exercise island
 * when the block nears the viewport, so the lesson's first load carries none of it.
 */
export function DockerfileEditor({ value, onChange, label, describedBy, onEscape }: DockerfileEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the listeners CodeMirror was configured with once.
  const callbacks = useRef({ onChange, onEscape });
  useEffect(() => {
    callbacks.current = { onChange, onEscape };
  }, [onChange, onEscape]);

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          StreamLanguage.define(dockerFile),
          syntaxHighlighting(highlight),
          EditorView.lineWrapping,
          keymap.of([
            {
              key: "Escape",
              run: () => {
                callbacks.current.onEscape();
                return true;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.contentAttributes.of({
            "aria-label": label,
            "aria-describedby": describedBy,
            "aria-multiline": "true",
            // Phones: no autocorrect or capitalisation in code.
            autocapitalize: "off",
            autocorrect: "off",
            spellcheck: "false",
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A change from outside the editor (Reset) replaces the document; the editor's own edits already match.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className={styles.editorHost} data-exercise-editor />;
}
