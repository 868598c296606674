import { afterEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../shared/api/errors.ts';
import { WorkerClient } from './worker-client.ts';
import type { ProgressMessage } from './worker-client.ts';

let client: WorkerClient | null = null;
afterEach(async () => {
  await client?.terminate();
  client = null;
});

describe('worker protocol', () => {
  it('reports progress for a job and resolves with its result', async () => {
    client = new WorkerClient();
    const seen: ProgressMessage[] = [];
    client.onProgress((p) => seen.push(p));
    await expect(client.call('count', { to: 5, stepMs: 60 }, 'job-1')).resolves.toBe(5);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((p) => p.jobId === 'job-1' && p.phase === 'count' && p.total === 5)).toBe(true);
    expect(seen.at(-1)!.done).toBe(5);
    const dones = seen.map((p) => p.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
  });

  it('cancels a running job with CANCELLED and keeps serving calls', async () => {
    client = new WorkerClient();
    const running = client.call('count', { to: 1000, stepMs: 5 }, 'job-2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.cancel('job-2');
    const error = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe('CANCELLED');
    await expect(client.call('count', { to: 2, stepMs: 1 }, 'job-3')).resolves.toBe(2);
  });

  it('cancels a queued job before it starts, without touching the one running', async () => {
    client = new WorkerClient();
    const first = client.call('count', { to: 5, stepMs: 20 }, 'first');
    const second = client.call('count', { to: 5, stepMs: 20 }, 'second');
    client.cancel('second');
    await expect(first).resolves.toBe(5);
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('returns errors as typed data: no workspace open', async () => {
    client = new WorkerClient();
    await expect(client.call('overview', undefined)).rejects.toMatchObject({ code: 'NO_WORKSPACE' });
  });

  it('fails pending calls with a clear error when the worker dies', async () => {
    client = new WorkerClient();
    const pending = client.call('count', { to: 1000, stepMs: 10 }, 'doomed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.terminate();
    await expect(pending).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(client.call('state', undefined)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
