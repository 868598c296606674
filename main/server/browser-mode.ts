/** Starts browser mode: services on the browser host, served on 127.0.0.1. */
import { createAtlasServices } from '../services/atlas-services.ts';
import type { AtlasServices } from '../services/types.ts';
import { appVersion, rendererDir } from '../node/runtime-paths.ts';
import { defaultDataDir, systemLocale } from '../node/data-dir.ts';
import { startServer } from './server.ts';
import { createChromiumPrinter } from '../dossier/chromium-printer.ts';
import type { RunningServer } from './server.ts';

export interface BrowserModeOptions {
  port: number;
  dataDir?: string;
  workspace?: string;
  token?: string;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<{ server: RunningServer; services: AtlasServices }> {
  // Printing loads this server's own print routes in headless Chromium (known once it listens).
  let serverUrl: string | null = null;
  const services = await createAtlasServices({
    dataDir: options.dataDir ?? defaultDataDir(),
    host: {
      mode: 'browser',
      nativeDialogs: false,
      chooseFile: () => Promise.resolve(null),
      createPdfPrinter: () => {
        if (serverUrl === null) return Promise.reject(new Error('the browser-mode server is not listening yet'));
        return createChromiumPrinter({ baseUrl: serverUrl });
      },
    },
    systemLocale: systemLocale(),
    version: appVersion(),
    ...(options.workspace === undefined ? {} : { initialWorkspace: options.workspace }),
  });
  try {
    await services.start();
    const server = await startServer({
      services,
      rendererDir: rendererDir(),
      port: options.port,
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    serverUrl = server.url;
    return { server, services };
  } catch (error) {
    await services.dispose();
    throw error;
  }
}
