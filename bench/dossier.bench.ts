/**
 * Visit-list printing benchmark (issue 6): a 200-customer visit list of the demo workspace
 * printed to one PDF (cover page + 200 dossiers) through the same path as the app's "Print
 * all": browser mode in-process, headless Chromium on the renderer's print routes, pdf-lib
 * merge. Prints seconds per dossier, total seconds (target < 60 s), the PDF's size and pages,
 * and peak RSS (this process with its worker, and this process plus Chromium's processes)
 * at the start, middle and end of the list — memory must stay flat (one dossier at a time).
 *
 *   npm run bench -- dossier            (ATLAS_BENCH_CUSTOMERS=200, ATLAS_BENCH_LANGUAGE=zh-CN)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../main/server/browser-mode.ts';
import { WorkerClient } from '../main/services/worker-client.ts';

const COUNT = Number(process.env['ATLAS_BENCH_CUSTOMERS'] ?? 200);
const LANGUAGE = process.env['ATLAS_BENCH_LANGUAGE'] === 'en' ? 'en' : 'zh-CN';

/** RSS in MB of a process and all its descendants (Linux /proc). */
function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  let kb = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** CPU seconds (user + system) used so far by a process and its descendants, living ones only. */
function treeCpuSeconds(rootPid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      // utime, stime, cutime, cstime (fields 14-17 of stat; 12-15 after the command).
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  let sum = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    sum += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum / ticks;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-dossier-'));
  const workspace = path.join(dir, 'demo.atlas');
  const creator = new WorkerClient({ createdBy: 'Customer Atlas bench' });
  await creator.call('create', { path: workspace, demo: true });
  await creator.terminate();

  const { server, services } = await startBrowserMode({ port: 0, dataDir: path.join(dir, 'data'), workspace });
  try {
    const ids = Array.from({ length: COUNT }, (_, i) => i + 1);
    await services.api['dossier.lists.save']({ name: 'bench', customerIds: ids, order: 'city' });
    const samples: { done: number; at: number; rss: number; tree: number; cpu: number; node: number }[] = [];
    let peakRss = 0;
    let peakTree = 0;
    const sample = (done: number) => {
      const rss = mb(process.memoryUsage().rss);
      const tree = treeRssMb(process.pid);
      peakRss = Math.max(peakRss, rss);
      peakTree = Math.max(peakTree, tree);
      const own = process.cpuUsage();
      samples.push({ done, at: performance.now(), rss, tree, cpu: treeCpuSeconds(process.pid), node: (own.user + own.system) / 1e6 });
    };
    const unsubscribe = services.onEvent((event) => {
      if (event.name === 'job.progress' && event.payload.jobId === 'bench' && event.payload.phase === 'dossier.print') sample(event.payload.done);
    });
    const out = path.join(dir, 'visits.pdf');
    const start = performance.now();
    const result = await services.api['dossier.print']({ jobId: 'bench', listName: 'bench', language: LANGUAGE, path: out });
    const total = (performance.now() - start) / 1000;
    unsubscribe();

    // Routes printed = cover + dossiers; "done" counts routes.
    const at = (done: number) => samples.find((s) => s.done >= done) ?? samples.at(-1)!;
    const first = at(2);
    const last = samples.filter((s) => s.done > 0).at(-1)!;
    const perDossier = (last.at - first.at) / 1000 / Math.max(1, last.done - first.done);
    const window = (from: number, to: number) => samples.filter((s) => s.done >= from && s.done <= to);
    const peakOf = (list: typeof samples, key: 'rss' | 'tree') => Math.max(...list.map((s) => s[key]));
    const n = COUNT + 1;
    const startW = window(1, Math.ceil(n * 0.1));
    const midW = window(Math.floor(n * 0.45), Math.ceil(n * 0.55));
    const endW = window(Math.floor(n * 0.9), n);

    console.log(`visit list: ${COUNT} customers (${LANGUAGE}), cover page + ${result.dossiers} dossiers`);
    console.log(`total:        ${total.toFixed(1)} s  (target < 60 s: ${total < 60 ? 'met' : 'MISSED'})`);
    console.log(`per dossier:  ${perDossier.toFixed(3)} s (steady state, after the first)`);
    const cpuPerDossier = (last.cpu - first.cpu) / Math.max(1, last.done - first.done);
    const load = os.loadavg()[0]!;
    const nodePerDossier = (last.node - first.node) / Math.max(1, last.done - first.done);
    console.log(`CPU per dossier: ${cpuPerDossier.toFixed(3)} CPU-s (node + worker + Chromium; on ${os.cpus().length} cores with nothing else running ≈ ${((cpuPerDossier * COUNT) / os.cpus().length).toFixed(0)} s for the list); load average now ${load.toFixed(1)}`);
    console.log(`  of which node (services, worker, pdf-lib merge): ${nodePerDossier.toFixed(3)} CPU-s, Chromium: ${(cpuPerDossier - nodePerDossier).toFixed(3)} CPU-s`);
    console.log(`PDF:          ${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(2)} MB (${(result.bytes / 1024 / result.dossiers).toFixed(0)} KB per dossier)`);
    console.log(`peak RSS, node (main + worker):   start ${peakOf(startW, 'rss').toFixed(0)} MB, middle ${peakOf(midW, 'rss').toFixed(0)} MB, end ${peakOf(endW, 'rss').toFixed(0)} MB, overall ${peakRss.toFixed(0)} MB`);
    console.log(`peak RSS, node + Chromium:        start ${peakOf(startW, 'tree').toFixed(0)} MB, middle ${peakOf(midW, 'tree').toFixed(0)} MB, end ${peakOf(endW, 'tree').toFixed(0)} MB, overall ${peakTree.toFixed(0)} MB`);
  } finally {
    await server.close();
    await services.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
