// `npm start`: builds the production app when the sources are newer than the last build, then
// serves it on PORT (default 3000) with the embedded database; nothing else to install.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide') continue;
		max = Math.max(max, newest(join(path, entry)));
	}
	return max;
}

const sources = [
	'src',
	'content',
	'messages',
	'static',
	'drizzle',
	'package.json',
	'vite.config.ts',
	'svelte.config.js'
];
const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (sources.some((s) => newest(s) > built)) {
	console.log('Building the production app (sources changed since the last build)…');
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ??= '3000';
// The public address certificates are signed for comes from configuration only, never from a
// request. For a local trial it is this computer's own address; a real server sets ORIGIN.
if (!process.env.ORIGIN && !process.env.PUBLIC_BASE_URL) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT}`;
	console.log(
		`ORIGIN is not set: certificates will name ${process.env.ORIGIN} as their issuer, which only this computer can open. ` +
			'Set ORIGIN to the address people use (see docs/server.md) before issuing real certificates.'
	);
}
console.log(`Starting Alkham at http://localhost:${process.env.PORT}`);
const server = spawn(process.execPath, ['scripts/serve.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
