import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'info' | 'success' | 'error';
  children: ReactNode;
  /** An action such as "Try again". */
  action?: ReactNode;
}

/** Errors interrupt (role=alert); good news and notes wait their turn (role=status). */
export function Alert({ tone, children, action }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="alert__body">{children}</div>
      {action && <div className="alert__action">{action}</div>}
    </div>
  );
}
