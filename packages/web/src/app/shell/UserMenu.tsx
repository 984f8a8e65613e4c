import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSignOut } from '../../features/accounts/useSignOut';
import { describeError } from '../errors';
import { useI18n } from '../i18n/I18nProvider';
import type { Viewer } from '../viewer';

/** A disclosure menu: the button says whose account it is; Escape or a click outside closes it. */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { signOut, signingOut } = useSignOut();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const initials = viewer.displayName
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

  return (
    <div
      className="user-menu"
      ref={root}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials || '?'}
        </span>
        <span className="user-menu__name">{viewer.displayName}</span>
        <span className="visually-hidden">{t('shell.accountMenu')}</span>
        <svg viewBox="0 0 12 12" className="icon icon--small" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" strokeWidth="1.8" />
        </svg>
      </button>
      <div className="user-menu__panel" id={id} hidden={!open}>
        <p className="user-menu__who">
          <span className="muted">{t('shell.signedInAs')}</span>
          <strong>{viewer.displayName}</strong>
          {viewer.email && <span className="user-menu__email">{viewer.email}</span>}
        </p>
        <ul className="user-menu__items">
          <li>
            <Link to="/settings/profile" className="user-menu__item" onClick={() => setOpen(false)}>
              {t('shell.nav.settings')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__item"
              aria-disabled={signingOut || undefined}
              onClick={() => {
                if (signingOut) return;
                setProblem(null);
                void signOut().then((error) => {
                  if (error) setProblem(describeError(error, i18n).summary);
                });
              }}
            >
              {signingOut ? t('shell.signingOut') : t('shell.signOut')}
            </button>
          </li>
        </ul>
        {problem && (
          <p className="user-menu__problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
