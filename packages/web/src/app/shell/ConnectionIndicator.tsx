import { useEffect, useState } from 'react';
import { useConnectionStatus } from '../connection-status';
import { useI18n } from '../i18n/I18nProvider';

/** Quiet unless the live connection was lost for more than a moment. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  const { t } = useI18n();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (status !== 'reconnecting') {
      setShow(false);
      return;
    }
    const timer = setTimeout(() => setShow(true), 1500);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div className="connection" role="status">
      {show && (
        <span className="connection__badge">
          <span className="spinner spinner--inline" aria-hidden="true" />
          {t('shell.reconnecting')}
        </span>
      )}
    </div>
  );
}
