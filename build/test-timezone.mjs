// Runs the date-sensitive unit tests again under China's time zone, where SheetJS-style
// JS Date handling shifts Excel dates; TZ must be set before Node starts, hence a child.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vitest = require.resolve('vitest/vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'build/vitest.config.ts', 'shared/import', 'shared/analytics/days', 'shared/format'],
  { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', ATLAS_SKIP_BUILD: '1' } },
);
process.exit(result.status ?? 1);
