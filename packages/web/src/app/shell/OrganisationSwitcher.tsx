import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql';
import { useI18n } from '../i18n/I18nProvider';

const MY_ORGANISATIONS = graphql(`
  query MyOrganisations {
    viewer {
      id
      memberships(first: 100) {
        edges {
          node {
            id
            role
            organisation {
              id
              name
              slug
            }
          }
        }
      }
    }
  }
`);

/**
 * The viewer's organisations, one click from anywhere: a disclosure of links (not a select
 * that navigates on change, which keyboard users trip over).
 */
export function OrganisationSwitcher() {
  const { t } = useI18n();
  const id = useId();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { data } = useQuery(MY_ORGANISATIONS, { fetchPolicy: 'cache-and-network' });
  const memberships = data?.viewer?.memberships?.edges.map((edge) => edge.node) ?? [];
  const currentSlug = /^\/o\/([^/]+)/.exec(location.pathname)?.[1];
  const current = memberships.find((m) => m.organisation.slug === currentSlug);

  useEffect(() => setOpen(false), [location.pathname]);
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

  return (
    <div
      className="org-switcher"
      ref={root}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="org-switcher__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t('switcher.label')}: </span>
        <span className="org-switcher__current">
          {current ? current.organisation.name : t('switcher.organisations')}
        </span>
        <svg viewBox="0 0 12 12" className="icon icon--small" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" strokeWidth="1.8" />
        </svg>
      </button>
      <div className="org-switcher__panel" id={id} hidden={!open}>
        {/* Rendered only while open: the names are in the page once, not twice. */}
        {open && (
          <>
            {memberships.length ? (
              <ul className="user-menu__items">
                {memberships.map((membership) => (
                  <li key={membership.id}>
                    <Link
                      to={`/o/${membership.organisation.slug}`}
                      className="user-menu__item org-switcher__item"
                      aria-current={membership === current ? 'page' : undefined}
                    >
                      <span>{membership.organisation.name}</span>
                      <span className="muted org-switcher__role">
                        {t(`role.${membership.role}`)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="org-switcher__empty muted">{t('switcher.none')}</p>
            )}
            <Link to="/organisations/new" className="user-menu__item org-switcher__create">
              {t('switcher.create')}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
