import { Icon } from './icons.tsx';
import { useT } from './i18n.ts';
import { phaseLabel } from './job-label.ts';
import { sessionActions, useJob, useLanguage } from './session-store.ts';
import type { ReactNode } from 'react';

/** Progress of the job the UI started, over the page (which it would change anyway). */
export function JobOverlay(): ReactNode {
  const t = useT();
  const language = useLanguage();
  const job = useJob();
  if (job === null) return null;
  const determinate = job.total > 0;
  const percent = determinate ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  return (
    <div className="overlay overlay-job">
      <div
        className="job-card"
        role="progressbar"
        aria-label={t(`job.kind.${job.kind}`)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={determinate ? percent : undefined}
        data-testid="job-progress"
        data-phase={job.phase ?? ''}
      >
        <div className="job-head">
          <Icon name="workspace" className="job-icon" />
          <div className="job-titles">
            <div className="job-title">{t(`job.kind.${job.kind}`)}</div>
            <div className="job-phase">{job.cancelling ? t('job.cancelling') : phaseLabel(language, job.phase)}</div>
          </div>
          {determinate && <div className="job-percent">{percent}%</div>}
        </div>
        <div className={determinate ? 'progress' : 'progress is-indeterminate'}>
          <div className="progress-fill" style={determinate ? { width: `${percent}%` } : undefined} />
        </div>
        {job.jobId !== null && (
          <div className="job-actions">
            <button type="button" className="button" data-testid="job-cancel" disabled={job.cancelling} onClick={() => void sessionActions.cancelJob()}>
              {t('job.cancel')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
