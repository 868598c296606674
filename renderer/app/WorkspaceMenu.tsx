import { useEffect, useRef, useState } from 'react';
import { Icon } from './icons.tsx';
import { useT } from './i18n.ts';
import { sessionActions, useJob, useRecent, useWorkspace } from './session-store.ts';
import type { ReactNode } from 'react';
import type { IconName } from './icons.tsx';

function MenuItem(props: { icon: IconName; label: string; testId: string; disabled?: boolean; onSelect: () => void }): ReactNode {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={props.testId}
      disabled={props.disabled ?? false}
      onClick={props.onSelect}
    >
      <Icon name={props.icon} size={16} />
      <span className="menu-item-label">{props.label}</span>
    </button>
  );
}

/** The workspace name in the top bar, opening the New / Open / Demo / Save as / Recent menu. */
export function WorkspaceMenu(): ReactNode {
  const t = useT();
  const workspace = useWorkspace();
  const recent = useRecent();
  const busy = useJob() !== null;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const choose = (action: () => Promise<void>) => () => {
    setOpen(false);
    void action();
  };

  const others = recent.filter((item) => item.path !== workspace?.path);

  return (
    <div className="workspace" ref={root}>
      <button
        type="button"
        className={open ? 'workspace-trigger is-open' : 'workspace-trigger'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('workspace.menu')}
        title={workspace?.path ?? t('workspace.none')}
        data-testid="workspace-menu"
        disabled={busy}
        onClick={() => setOpen((v) => !v)}
      >
        <Icon name="workspace" className="workspace-icon" />
        <span className={workspace ? 'workspace-name' : 'workspace-name is-none'} data-testid="workspace-name">
          {workspace ? workspace.name : t('workspace.none')}
        </span>
        {workspace?.isDemo && (
          <span className="badge badge-demo" data-testid="workspace-demo-badge">
            {t('workspace.demoBadge')}
          </span>
        )}
        {workspace?.dirty && (
          <span className="dirty-dot" title={t('workspace.unsaved')} data-testid="workspace-dirty">
            <span className="visually-hidden">{t('workspace.unsaved')}</span>
          </span>
        )}
        <Icon name="chevronDown" size={16} className="workspace-chevron" />
      </button>
      {open && (
        <div className="menu" role="menu" data-testid="workspace-menu-list">
          <MenuItem icon="plus" label={t('workspace.new')} testId="workspace-new" onSelect={choose(() => sessionActions.chooseFile('new'))} />
          <MenuItem icon="folderOpen" label={t('workspace.open')} testId="workspace-open" onSelect={choose(() => sessionActions.chooseFile('open'))} />
          <MenuItem icon="sparkles" label={t('workspace.openDemo')} testId="workspace-open-demo" onSelect={choose(() => sessionActions.openDemo())} />
          <div className="menu-separator" role="separator" />
          <MenuItem
            icon="save"
            label={t('workspace.save')}
            testId="workspace-save"
            disabled={workspace === null}
            onSelect={choose(() => sessionActions.save())}
          />
          <MenuItem
            icon="saveAs"
            label={t('workspace.saveAs')}
            testId="workspace-save-as"
            disabled={workspace === null}
            onSelect={choose(() => sessionActions.chooseFile('saveAs'))}
          />
          <div className="menu-separator" role="separator" />
          <div className="menu-heading">{t('workspace.recent')}</div>
          {others.length === 0 && <div className="menu-empty">{t('workspace.recentEmpty')}</div>}
          {others.map((item, index) => (
            <button
              key={item.path}
              type="button"
              role="menuitem"
              className="menu-item menu-recent"
              title={item.path}
              disabled={!item.exists}
              data-testid={`workspace-recent-${index}`}
              onClick={choose(() => sessionActions.openRecent(item.path))}
            >
              <Icon name="clock" size={16} />
              <span className="menu-recent-text">
                <span className="menu-recent-name">{item.name}</span>
                <span className="menu-recent-path">{item.exists ? item.path : t('workspace.recentMissing')}</span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
