import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import type { Destination } from './destinations';

/**
 * On a phone the header has no room for the tabs or the guest links, so every destination sits
 * behind one disclosure button (CSS shows it below 40rem only). Opening moves focus to the first
 * link; Escape closes and gives focus back to the button; leaving the menu or the page closes it.
 */
export function NavMenu({
  destinations,
  extra,
}: {
  destinations: readonly Destination[];
  /** Shown under the links: what the phone's header has no room for (the language). */
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLUListElement>(null);
  const location = useLocation();

  // A link followed inside the menu (or any navigation) closes it.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('a')?.focus();
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

  return (
    <div
      className="nav-menu"
      ref={root}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="nav-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 20 20" className="icon" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" fill="none" strokeWidth="1.8" />
        </svg>
        <span>{t('shell.menu')}</span>
      </button>
      <nav className="nav-menu__panel" id={id} hidden={!open} aria-label={t('shell.mainNav')}>
        <ul className="nav-menu__items" ref={panel}>
          {destinations.map((destination) => (
            <li key={destination.to}>
              <NavLink
                to={destination.to}
                end={destination.end}
                className="nav-menu__item"
                onClick={() => setOpen(false)}
              >
                {t(destination.label)}
              </NavLink>
            </li>
          ))}
        </ul>
        {/* Only while open: closed, the header holds the same controls (one of each in the page). */}
        {open && extra && <div className="nav-menu__extra">{extra}</div>}
      </nav>
    </div>
  );
}
