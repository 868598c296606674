/**
 * What the File menu does. Commands call the services directly (the renderer hears about
 * the result through the forwarded 'workspace.changed' event) and never throw: a failure
 * becomes a translated message in an error box.
 */
import type { AtlasApi, Language } from '../../shared/api/contract.ts';
import { toErrorData } from '../../shared/api/errors.ts';
import { translateError } from '../../shared/i18n/index.ts';
import type { MenuCommands } from './menu-template.ts';

export interface MenuCommandDeps {
  api: AtlasApi;
  language(): Language;
  showError(message: string): void;
}

export function createMenuCommands(deps: MenuCommandDeps): MenuCommands {
  const { api } = deps;

  async function guarded(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      deps.showError(translateError(deps.language(), toErrorData(error)));
    }
  }

  return {
    newWorkspace: () =>
      guarded(async () => {
        const file = await api['workspace.chooseFile']({ purpose: 'new' });
        if (file !== null) await api['workspace.new']({ path: file });
      }),
    openWorkspace: () =>
      guarded(async () => {
        const file = await api['workspace.chooseFile']({ purpose: 'open' });
        if (file !== null) await api['workspace.open']({ path: file });
      }),
    openDemo: () => guarded(() => api['workspace.openDemo']({})),
    openRecent: (file) => guarded(() => api['workspace.open']({ path: file })),
    save: () => guarded(() => api['workspace.save'](undefined)),
    saveAs: () =>
      guarded(async () => {
        const file = await api['workspace.chooseFile']({ purpose: 'saveAs' });
        if (file !== null) await api['workspace.saveAs']({ path: file });
      }),
  };
}
