import { useId, useState, type FormEvent } from "react";
import { formatRelative } from "../i18n/format";
import { t, type Lang } from "../i18n/index";
import { Section } from "./section";
import type { LeadActions, LeadNote } from "./types";
import { useAction } from "./use-action";

export interface NotesSectionProps {
  notes: LeadNote[];
  lang: Lang;
  now: Date;
  onAddNote: LeadActions["onAddNote"];
}

/** The lead's shared notes, newest first, and a box to add one (kept if sending fails). */
export function NotesSection({ notes, lang, now, onAddNote }: NotesSectionProps) {
  const [text, setText] = useState("");
  const { run, pending, failed } = useAction();
  const fieldId = useId();
  const trimmed = text.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed || pending) return;
    run(
      () => onAddNote(trimmed),
      () => setText(""),
    );
  };

  const sorted = [...notes].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Section title={t("notes.title", lang)}>
      {sorted.length === 0 ? (
        <p className="sl-empty">{t("notes.empty", lang)}</p>
      ) : (
        <ul className="sl-list sl-notes">
          {sorted.map((note) => (
            <li key={note.id} className="sl-note">
              <p className="sl-note__text">{note.text}</p>
              <p className="sl-muted">
                {note.author && <>{note.author} · </>}
                <time dateTime={note.at}>{formatRelative(note.at, now, lang)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <form className="sl-note-form" onSubmit={submit}>
        <label className="sl-label" htmlFor={fieldId}>
          {t("notes.label", lang)}
        </label>
        <textarea
          id={fieldId}
          className="sl-input"
          rows={2}
          maxLength={2000}
          placeholder={t("notes.placeholder", lang)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="sl-button" disabled={!trimmed || pending}>
          {t("notes.add", lang)}
        </button>
      </form>
      {failed && (
        <p role="alert" className="sl-error-text">
          {t("actions.failed", lang)}
        </p>
      )}
    </Section>
  );
}
