import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Field } from '../../ui';
import { MarkdownPreview } from './markdown-preview';
import { insertMention, mentionAt, suggestMentions, type Mentionable } from './mention';

interface MarkdownEditorProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  /** People who may be @mentioned; typing @ suggests them. */
  people?: readonly Mentionable[];
  error?: string;
  rows?: number;
  autoFocus?: boolean;
}

/**
 * A Markdown text area with a Write / Preview switch and an @mention picker: typing @ lists
 * matching members; arrows move, Enter or Tab picks, Escape closes.
 */
export function MarkdownEditor({
  label,
  name,
  value,
  onChange,
  people = [],
  error,
  rows = 5,
  autoFocus,
}: MarkdownEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = mention ? suggestMentions(people, mention.query) : [];
  const open = suggestions.length > 0;
  const listId = `${id}-mentions`;

  function follow(text: string, caret: number) {
    const next = mentionAt(text, caret);
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
  }

  function choose(person: Mentionable) {
    if (!mention) return;
    const next = insertMention(value, mention, person.handle);
    onChange(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const person = suggestions[Math.min(active, suggestions.length - 1)];
      if (person) choose(person);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
    }
  }

  const tabs = (
    <div className="editor__tabs" role="tablist" aria-label={t('editor.mode')}>
      {(['write', 'preview'] as const).map((mode) => (
        <button
          key={mode}
          type="button"
          role="tab"
          id={`${id}-${mode}-tab`}
          aria-selected={tab === mode}
          aria-controls={`${id}-${mode}`}
          className="editor__tab"
          onClick={() => setTab(mode)}
        >
          {t(`editor.${mode}`)}
        </button>
      ))}
    </div>
  );

  return (
    <Field
      label={label}
      name={name}
      error={error}
      hint={t('editor.hint')}
      aside={tabs}
      topClassName="editor__top"
      className="editor"
    >
      {(control) => (
        <>
          <div
            role="tabpanel"
            id={`${id}-write`}
            aria-labelledby={`${id}-write-tab`}
            hidden={tab !== 'write'}
            className="editor__panel"
          >
            <textarea
              {...control}
              ref={area}
              name={name}
              rows={rows}
              value={value}
              autoFocus={autoFocus}
              className="field__input field__textarea"
              aria-autocomplete="list"
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open ? `${listId}-${active}` : undefined}
              onChange={(event) => {
                onChange(event.target.value);
                follow(event.target.value, event.target.selectionStart);
              }}
              onKeyDown={onKeyDown}
              onClick={(event) => follow(value, event.currentTarget.selectionStart)}
              onBlur={() => setMention(null)}
            />
            {open && (
              <ul className="mentions" id={listId} role="listbox" aria-label={t('editor.mentions')}>
                {suggestions.map((person, index) => (
                  <li
                    key={person.handle}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className="mentions__option"
                    onMouseDown={(event) => {
                      event.preventDefault();
                      choose(person);
                    }}
                  >
                    <strong>@{person.handle}</strong>{' '}
                    <span className="muted">{person.displayName}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div
            role="tabpanel"
            id={`${id}-preview`}
            aria-labelledby={`${id}-preview-tab`}
            hidden={tab !== 'preview'}
            className="editor__panel editor__preview prose"
            tabIndex={0}
          >
            {value.trim() ? (
              <MarkdownPreview source={value} />
            ) : (
              <p className="muted">{t('editor.nothing')}</p>
            )}
          </div>
        </>
      )}
    </Field>
  );
}
