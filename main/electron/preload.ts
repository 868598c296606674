/**
 * Sandboxed preload: bundled into a single CommonJS file that requires only 'electron'.
 * It exposes `window.atlas` (AtlasBridge) and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { AtlasBridge } from '../../shared/api/contract.ts';
import { createBridge } from './bridge.ts';

const bridge: AtlasBridge = createBridge(ipcRenderer);

contextBridge.exposeInMainWorld('atlas', bridge);
