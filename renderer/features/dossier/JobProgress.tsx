/** Progress, cancel and outcome of a print or export job, under the action that started it. */
import type { ReactNode } from 'react';
import { useT, useTranslateError } from '../../app/i18n.ts';
import type { JobState } from './use-job.ts';

export function JobProgress<R>(props: { state: JobState<R>; onCancel: () => void; done: (result: R) => ReactNode; testId: string }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const { state } = props;
  const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : 0;
  if (state.running) {
    return (
      <div className="dossier-job" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid={`${props.testId}-progress`}>
        <div className={state.total > 0 ? 'progress' : 'progress is-indeterminate'}>
          <div className="progress-fill" style={{ width: `${state.total > 0 ? percent : 30}%` }} />
        </div>
        <span className="dossier-job-text">
          {t('dossier.printing')} {state.total > 0 ? `${state.done} / ${state.total}` : ''}
        </span>
        <button type="button" className="button" onClick={props.onCancel} data-testid={`${props.testId}-cancel`}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (state.error) {
    return (
      <div className="banner banner-error" role="alert" data-testid={`${props.testId}-error`}>
        <span className="banner-text">{t('dossier.printFailed', { why: translateError(state.error) })}</span>
      </div>
    );
  }
  if (state.cancelled) return <p className="views-note" data-testid={`${props.testId}-cancelled`}>{t('error.CANCELLED')}</p>;
  if (state.result !== null) return <div className="dossier-job-done" data-testid={`${props.testId}-done`}>{props.done(state.result)}</div>;
  return null;
}
