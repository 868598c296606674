/** `npm run web`: browser mode from the command line (same as `atlas web`). */
import { runCli } from '../cli/cli.ts';

process.exitCode = await runCli(['web', ...process.argv.slice(2)]);
