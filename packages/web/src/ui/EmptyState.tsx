import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children: ReactNode;
  /** Heading level that fits the surrounding outline. */
  level?: 2 | 3;
  action?: ReactNode;
}

export function EmptyState({ title, children, level = 3, action }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="6" y="10" width="36" height="28" rx="4" fill="none" strokeWidth="2.5" />
        <path d="M6 30h11l3 4h8l3-4h11" fill="none" strokeWidth="2.5" />
      </svg>
      <Heading className="empty-state__title">{title}</Heading>
      <div className="empty-state__body">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
