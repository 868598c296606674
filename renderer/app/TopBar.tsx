import { LanguageSwitch } from './LanguageSwitch.tsx';
import { WorkspaceMenu } from './WorkspaceMenu.tsx';
import type { ReactNode } from 'react';

export function TopBar(): ReactNode {
  return (
    <header className="topbar">
      <WorkspaceMenu />
      <div className="topbar-spacer" />
      <LanguageSwitch />
    </header>
  );
}
