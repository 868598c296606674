import { describe, expect, it, vi } from 'vitest';
import { createQuitGuard } from './quit-guard.ts';

function quitEvent() {
  return { preventDefault: vi.fn() };
}

describe('createQuitGuard', () => {
  it('holds the quit, disposes once, then quits and lets the next quit through', async () => {
    let release: () => void = () => {};
    const dispose = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const quit = vi.fn();
    const guard = createQuitGuard({ dispose, quit });

    const first = quitEvent();
    guard.handleBeforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(guard.state).toBe('disposing');

    // A second Cmd+Q while saving: still held, no second dispose.
    const second = quitEvent();
    guard.handleBeforeQuit(second);
    expect(second.preventDefault).toHaveBeenCalledOnce();
    expect(dispose).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();

    release();
    await guard.finished;
    expect(quit).toHaveBeenCalledOnce();
    expect(guard.state).toBe('done');

    // app.quit() emits before-quit again: now it must pass.
    const third = quitEvent();
    guard.handleBeforeQuit(third);
    expect(third.preventDefault).not.toHaveBeenCalled();
    expect(dispose).toHaveBeenCalledOnce();
  });

  it('still quits when disposing fails, and reports the error', async () => {
    const onError = vi.fn();
    const quit = vi.fn();
    const guard = createQuitGuard({ dispose: () => Promise.reject(new Error('disk full')), quit, onError });
    guard.handleBeforeQuit(quitEvent());
    await guard.finished;
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }));
    expect(quit).toHaveBeenCalledOnce();
  });

  it('gives up on a hanging dispose after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const onError = vi.fn();
      const quit = vi.fn();
      const guard = createQuitGuard({ dispose: () => new Promise<void>(() => {}), quit, onError, timeoutMs: 5000 });
      guard.handleBeforeQuit(quitEvent());
      await vi.advanceTimersByTimeAsync(4999);
      expect(quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await guard.finished;
      expect(quit).toHaveBeenCalledOnce();
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/5000 ms/) }));
    } finally {
      vi.useRealTimers();
    }
  });
});
