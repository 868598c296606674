// Runs the date-sensitive unit tests again under China's time zone, where SheetJS-style
// JS Date handling shifts Excel dates; TZ must be set before Node starts, hence a child.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'build/vitest.config.ts', 'shared/import', 'shared/analytics/days', 'shared/format'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', ATLAS_SKIP_BUILD: '1' } },
);
process.exit(result.status ?? 1);
