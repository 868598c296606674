import { Icon } from './icons.tsx';
import { useT, useTranslateError } from './i18n.ts';
import { sessionActions, useNotice } from './session-store.ts';
import type { ReactNode } from 'react';

/** The error (or cancellation) of the last action, translated from its code and details. */
export function NoticeBanner(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const notice = useNotice();
  if (notice === null) return null;
  const info = notice.error.code === 'CANCELLED';
  return (
    <div className={info ? 'banner banner-info' : 'banner banner-error'} role={info ? 'status' : 'alert'} data-testid="error-banner" data-code={notice.error.code}>
      <Icon name={info ? 'info' : 'alert'} className="banner-icon" />
      <p className="banner-text">{translateError(notice.error)}</p>
      <button type="button" className="icon-button" aria-label={t('common.close')} data-testid="error-banner-close" onClick={sessionActions.dismissNotice}>
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
