import { useId, useState } from 'react';
import { useT } from './i18n.ts';
import { usePathInput } from './use-path-input.ts';
import { baseName, dirName, joinPath } from './paths.ts';
import { sessionActions, useAppInfo, usePathRequest, useWorkspace } from './session-store.ts';
import type { FormEvent, ReactNode } from 'react';
import type { FilePurpose } from '../../shared/api/contract.ts';
import type { Translate } from './i18n.ts';

function suggestion(purpose: FilePurpose, dataDir: string, current: { path: string; name: string } | null, t: Translate): string {
  switch (purpose) {
    case 'new':
      return joinPath(dataDir, t('pathDialog.newFileName'));
    case 'open':
      return joinPath(current ? dirName(current.path) : dataDir, '');
    case 'saveAs':
      return joinPath(current ? dirName(current.path) : dataDir, t('pathDialog.copyFileName', { name: baseName(current?.name ?? 'workspace') }));
  }
}

/** Browser mode has no native file dialog: ask for the path on the host's disk instead. */
export function PathDialog(): ReactNode {
  const purpose = usePathRequest();
  if (purpose === null) return null;
  return <PathDialogBody key={purpose} purpose={purpose} />;
}

function PathDialogBody({ purpose }: { purpose: FilePurpose }): ReactNode {
  const t = useT();
  const appInfo = useAppInfo();
  const workspace = useWorkspace();
  const [path, setPath] = useState(() => suggestion(purpose, appInfo?.dataDir ?? '', workspace, t));
  const input = usePathInput('.atlas', sessionActions.cancelPathRequest);
  const titleId = useId();
  const hintId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed !== '') void sessionActions.submitPath(trimmed);
  };

  return (
    <div className="overlay">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={hintId} data-testid="path-dialog" onSubmit={submit}>
        <h2 className="dialog-title" id={titleId}>
          {t(`pathDialog.title.${purpose}`)}
        </h2>
        <p className="dialog-hint" id={hintId}>
          {t(`pathDialog.hint.${purpose}`)}
        </p>
        <label className="field">
          <span className="field-label">{t('pathDialog.label')}</span>
          <input
            ref={input}
            className="input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={path}
            data-testid="path-input"
            onChange={(event) => setPath(event.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" data-testid="path-cancel" onClick={sessionActions.cancelPathRequest}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="path-confirm" disabled={path.trim() === ''}>
            {t(`pathDialog.confirm.${purpose}`)}
          </button>
        </div>
      </form>
    </div>
  );
}
