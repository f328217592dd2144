// `npm run admin -- …`: manages teacher accounts (see docs/teacher-mode.md). The command itself is
// TypeScript in src/lib/server/teach/admin-cli.ts, sharing the server's database module; Node 20
// cannot run TypeScript, so Vite (already used to build the app) loads it with its module runner.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(`${root}src/lib/server/teach/admin-cli.ts`, {
	configFile: false,
	logLevel: 'error',
	root,
	resolve: { alias: { $lib: `${root}src/lib` } }
});
process.exitCode = await module.main(process.argv.slice(2), {
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env
});
