/**
 * Holds the first quit until the services have flushed autosave and stopped the worker, then
 * quits for real. Later quit requests during the flush are held too (one flush only); once
 * it is done, quitting proceeds unhindered. A flush that hangs is abandoned after a timeout
 * so the app can always be closed.
 */
export interface QuitGuardOptions {
  dispose(): Promise<void>;
  /** Called once after dispose settles (app.quit). */
  quit(): void;
  onError?(error: unknown): void;
  timeoutMs?: number;
}

export type QuitGuardState = 'running' | 'disposing' | 'done';

export interface QuitGuard {
  /** The 'before-quit' listener. */
  handleBeforeQuit(event: { preventDefault(): void }): void;
  readonly state: QuitGuardState;
  /** Resolves when disposing has finished (for tests and shutdown paths). */
  readonly finished: Promise<void>;
}

export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  let state: QuitGuardState = 'running';
  let resolveFinished: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    resolveFinished = resolve;
  });

  async function disposeThenQuit(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Saving before quit took longer than ${options.timeoutMs ?? 15_000} ms`)),
        options.timeoutMs ?? 15_000,
      );
    });
    try {
      await Promise.race([options.dispose(), timeout]);
    } catch (error) {
      options.onError?.(error);
    } finally {
      clearTimeout(timer);
      state = 'done';
      resolveFinished();
      options.quit();
    }
  }

  return {
    handleBeforeQuit(event) {
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'disposing') return;
      state = 'disposing';
      void disposeThenQuit();
    },
    get state() {
      return state;
    },
    finished,
  };
}
