/**
 * Where a PDF or workbook goes: a path field (browser mode has no native dialog, as on the
 * Reports page) with a "Choose…" button where the host has a save dialog, and the action.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { useT } from '../../app/i18n.ts';
import { dirName, joinPath } from '../../app/paths.ts';
import { useAppInfo, useWorkspace } from '../../app/session-store.ts';

export interface SaveTargetProps {
  format: 'pdf' | 'xlsx';
  suggestedName: string;
  label: string;
  actionLabel: string;
  disabled?: boolean;
  testId: string;
  onSave: (path: string) => void;
}

export function withExtension(path: string, extension: string): string {
  const trimmed = path.trim();
  return trimmed.toLowerCase().endsWith(`.${extension}`) ? trimmed : `${trimmed}.${extension}`;
}

export function SaveTarget(props: SaveTargetProps): ReactNode {
  const t = useT();
  const appInfo = useAppInfo();
  const workspace = useWorkspace();
  const folder = workspace ? dirName(workspace.path) : (appInfo?.dataDir ?? '');
  const [path, setPath] = useState<string | null>(null);
  const target = path ?? joinPath(folder, props.suggestedName);
  return (
    <div className="dossier-save" data-testid={props.testId}>
      <label className="dossier-save-label">
        <span>{props.label}</span>
        <input className="input dossier-save-path" value={target} onChange={(e) => setPath(e.target.value)} data-testid={`${props.testId}-path`} spellCheck={false} />
      </label>
      {appInfo?.nativeDialogs ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            void call('dossier.chooseSavePath', { format: props.format, suggestedName: target }).then((chosen) => {
              if (chosen !== null) setPath(withExtension(chosen, props.format));
            })
          }
        >
          {t('reports.choosePath')}
        </button>
      ) : null}
      <button
        type="button"
        className="button button-primary"
        disabled={props.disabled === true || target.trim() === ''}
        onClick={() => props.onSave(withExtension(target, props.format))}
        data-testid={`${props.testId}-go`}
      >
        {props.actionLabel}
      </button>
    </div>
  );
}
