// `npm run test:faults`: the server's fault-injection suite, against the production build (run
// `npm run build` first; `npm test` runs it after the build). Each scenario injects one fault an
// unlucky operator would meet, then checks that no certificate was lost, duplicated or half-written.
// Prints a table (fault, expected, observed); exits 1 if any scenario did not hold. PostgreSQL
// scenarios need TEST_DATABASE_URL (a role that may create databases, as .ci/run sets up); the full
// disk needs root (to mount a small tmpfs). Without them those rows say "skipped" and why.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	renameSync,
	rmSync,
	statfsSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	certificateRequest,
	countRows,
	cuttableRelay,
	freshPostgres,
	sendAll,
	sendUntilIssued,
	sleep,
	startServer,
	stopServer
} from './lib.js';

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` first.');
	process.exit(1);
}

const PORT = Number(process.env.FAULTS_PORT ?? 4311);
const origin = `http://127.0.0.1:${PORT}`;
const rows = [];
const scratch = mkdtempSync(join(tmpdir(), 'alkham-faults-'));

function record(fault, expected, observed, ok) {
	rows.push({ fault, expected, observed, ok });
	console.log(`${ok ? '✓' : '✗'} ${fault}\n    ${observed}`);
}

const tally = (answers) => {
	const counts = {};
	for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
	return Object.entries(counts)
		.map(([status, n]) => `${n}× ${status === '0' ? 'no answer' : status}`)
		.join(', ');
};

/**
 * kill -9 while certificates are being issued, restart on the same data, replay every request:
 * each certificate exists exactly once, and an answered request gets the same certificate again.
 */
async function killDuringLoad(label, env, counted) {
	const requests = Array.from({ length: 150 }, () => certificateRequest());
	let server = await startServer({ port: PORT, env });
	let issued = 0;
	const first = await sendAll(origin, requests, {
		concurrency: 10,
		onAnswer: (answer) => {
			if (answer.status === 201 && ++issued === 40) server.kill('SIGKILL');
		}
	});
	await server.exited;
	server = await startServer({ port: PORT, env });
	const replay = await sendAll(origin, requests, { concurrency: 10 });
	await stopServer(server);
	const rowsNow = await counted();
	const answered = [...first.entries()].filter(([, a]) => a.status === 201);
	const sameId = answered.filter(([key, a]) => replay.get(key)?.id === a.id).length;
	const allIssued = [...replay.values()].every((a) => a.status === 201);
	const ok =
		allIssued &&
		sameId === answered.length &&
		rowsNow.certificates === requests.length &&
		rowsNow.keys === requests.length;
	record(
		`kill -9 during 150 certificate issues (${label}), restart, replay all`,
		'every certificate exactly once; a replay of an answered request gets the same certificate',
		`before the kill: ${tally(first.values())}; after restart: ${tally(replay.values())}, ` +
			`${sameId}/${answered.length} answered ones with the same id; database: ${rowsNow.certificates} certificates, ${rowsNow.keys} keys`,
		ok
	);
}

/** A second server, and `npm run admin` without the socket, on a folder a live server holds. */
async function secondServer() {
	const dataDir = join(scratch, 'second');
	const env = { DATA_DIR: dataDir };
	const first = await startServer({ port: PORT, env });
	try {
		const second = await startServer({ port: PORT + 1, env, expectExit: true });
		const code = await Promise.race([second.exited, sleep(60_000).then(() => 'still running')]);
		if (code === 'still running') second.kill('SIGKILL');
		const named =
			second.output.text.includes(`Another Alkham server already uses`) &&
			second.output.text.includes(`process ${first.pid}`);
		const firstAnswers = (await fetch(`${origin}/.well-known/jwks.json`)).ok;
		const admin = (extra = {}) =>
			spawnSync(process.execPath, ['scripts/admin.js', 'list'], {
				env: { ...process.env, ...env, ...extra },
				encoding: 'utf8'
			});
		const viaSocket = admin();
		// Without the socket (deleted by mistake), the CLI must not open the database itself.
		const socket = join(dataDir, 'admin.sock');
		renameSync(socket, `${socket}.away`);
		const withoutSocket = admin();
		renameSync(`${socket}.away`, socket);
		const ok =
			code === 1 &&
			named &&
			firstAnswers &&
			viaSocket.status === 0 &&
			withoutSocket.status === 1 &&
			withoutSocket.stderr.includes('Another Alkham server already uses');
		record(
			'a second server, then `npm run admin` without its socket, on a data folder a live server holds',
			'both refuse, naming the running server; the first keeps answering; admin works through the socket',
			`second server exit ${code}${named ? ', named the first' : ', did NOT name the first'}; first ${firstAnswers ? 'still answers' : 'stopped answering'}; ` +
				`admin via socket exit ${viaSocket.status}; admin without socket exit ${withoutSocket.status}: "${withoutSocket.stderr.trim().slice(0, 70)}…"`,
			ok
		);
	} finally {
		await stopServer(first);
	}
}

/** PostgreSQL cut off for a few seconds in the middle of a load: 503s, then every request issued once. */
async function databaseUnreachable(baseUrl) {
	const database = await freshPostgres(baseUrl, 'alkham_faults_outage');
	const target = new URL(database.url);
	const relay = await cuttableRelay(target);
	const viaRelay = new URL(database.url);
	viaRelay.hostname = '127.0.0.1';
	viaRelay.port = String(relay.port);
	const server = await startServer({ port: PORT, env: { DATABASE_URL: viaRelay.toString() } });
	try {
		const requests = Array.from({ length: 60 }, () => certificateRequest());
		let issued = 0;
		let cutAt;
		const outage = (async () => {
			while (issued < 15) await sleep(20);
			cutAt = Date.now();
			relay.cut();
			await sleep(3000);
			relay.restore();
		})();
		const result = await sendUntilIssued(origin, requests, {
			concurrency: 6,
			maxWaitMs: 90_000,
			onAnswer: (answer) => answer.status === 201 && issued++
		});
		await outage;
		issued = [...result.final.values()].filter((a) => a.status === 201).length;
		const alive = server.exitCode === null && server.signalCode === null;
		await stopServer(server);
		const rowsNow = await countRows(database.url);
		const unavailable = result.seen.filter((a) => a.status === 503);
		const withRetryAfter = unavailable.filter((a) => Number(a.retryAfter) > 0).length;
		const errors = result.seen.filter((a) => a.status >= 500 && a.status !== 503).length;
		const ok =
			alive &&
			cutAt !== undefined &&
			unavailable.length > 0 &&
			withRetryAfter === unavailable.length &&
			errors === 0 &&
			issued === requests.length &&
			rowsNow.certificates === requests.length;
		record(
			'PostgreSQL unreachable for 3 s in the middle of 60 certificate issues',
			'503 with Retry-After while it is away, never a 500, the server keeps running; once back, every request issued exactly once',
			`answers on the way: ${tally(result.seen)} (${withRetryAfter}/${unavailable.length} 503s with Retry-After); server ${alive ? 'kept running' : 'STOPPED'}; ` +
				`in the end ${issued}/${requests.length} issued; database: ${rowsNow.certificates} certificates`,
			ok
		);
	} finally {
		await stopServer(server);
		await relay.close();
		await database.drop();
	}
}

/** The data folder's disk fills up while certificates are issued. */
async function diskFull() {
	const mount = join(scratch, 'small-disk');
	mkdirSync(mount);
	execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount]);
	const env = { DATA_DIR: join(mount, 'data') };
	let server;
	try {
		server = await startServer({ port: PORT, env });
		const free = statfsSync(mount);
		const filler = join(mount, 'filler');
		writeFileSync(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 400_000)));
		const requests = Array.from({ length: 300 }, () => certificateRequest());
		const first = await sendAll(origin, requests, { concurrency: 2 });
		const refused = [...first.values()].filter((a) => a.status !== 201);
		const full = refused.filter(
			(a) => a.status === 503 && a.code === 'storage_full' && Number(a.retryAfter) > 0
		);
		const logged = /disk is full/i.test(server.output.text);
		const stillAnswers = (await fetch(`${origin}/.well-known/jwks.json`)).ok;
		rmSync(filler);
		const replay = await sendAll(origin, requests, { concurrency: 4 });
		await stopServer(server);
		// Restart: the database opens, with everything it acknowledged.
		server = await startServer({ port: PORT, env });
		const again = await sendAll(origin, requests.slice(0, 20), { concurrency: 4 });
		await stopServer(server);
		const rowsNow = await countRows(undefined, env.DATA_DIR);
		const sameId = [...first.entries()]
			.filter(([, a]) => a.status === 201)
			.every(([key, a]) => replay.get(key)?.id === a.id);
		const ok =
			refused.length > 0 &&
			full.length === refused.length &&
			logged &&
			stillAnswers &&
			[...replay.values()].every((a) => a.status === 201) &&
			[...again.values()].every((a) => a.status === 201) &&
			sameId &&
			rowsNow.certificates === requests.length;
		record(
			'the data folder’s disk fills up during 300 certificate issues (64 MB tmpfs), then space is freed',
			'503 storage_full with Retry-After and a clear log line, never a 500; after freeing space and a restart every certificate exactly once',
			`while full: ${tally(first.values())} (${full.length}/${refused.length} refusals were 503 storage_full); log ${logged ? 'says the disk is full' : 'DOES NOT say the disk is full'}; ` +
				`after freeing: ${tally(replay.values())}, answered ones kept their ids: ${sameId}; after restart: ${rowsNow.certificates} certificates`,
			ok
		);
	} finally {
		if (server) await stopServer(server);
		spawnSync('umount', [mount]);
	}
}

/** The device half: tabs closed mid-write, two tabs, an outbox held for days (tests/faults, Playwright). */
function deviceFaults() {
	const report = 'test-results/faults-report.json';
	rmSync(report, { force: true });
	spawnSync('npx', ['playwright', 'test', '--project=faults', '--reporter=list,json'], {
		stdio: 'inherit',
		env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report }
	});
	if (!existsSync(report)) {
		record('the device faults (tests/faults)', 'run', 'Playwright wrote no report', false);
		return;
	}
	const specs = [];
	const walk = (suite) => {
		specs.push(...(suite.specs ?? []));
		for (const child of suite.suites ?? []) walk(child);
	};
	for (const suite of JSON.parse(readFileSync(report, 'utf8')).suites) walk(suite);
	for (const spec of specs) {
		const result = spec.tests[0]?.results.at(-1);
		const ok = spec.ok && result?.status === 'passed';
		const error = result?.error?.message?.split('\n')[0] ?? '';
		record(
			`device: ${spec.title}`,
			'a whole state: the course done with exactly one certificate (or the lesson still open to finish)',
			ok ? `as expected (${(result.duration / 1000).toFixed(0)} s)` : `FAILED: ${error}`,
			ok
		);
	}
}

const canMount = () => {
	if (process.getuid?.() !== 0) return 'not root';
	const probe = join(scratch, 'probe');
	mkdirSync(probe);
	const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
	if (result.status !== 0) return `mount refused: ${String(result.stderr).trim()}`;
	spawnSync('umount', [probe]);
	return undefined;
};

const started = Date.now();
try {
	const pglite = join(scratch, 'kill');
	await killDuringLoad('PGlite', { DATA_DIR: pglite }, () => countRows(undefined, pglite));
	await secondServer();
	const baseUrl = process.env.TEST_DATABASE_URL;
	if (baseUrl) {
		const database = await freshPostgres(baseUrl, 'alkham_faults_kill');
		try {
			await killDuringLoad('PostgreSQL', { DATABASE_URL: database.url }, () => countRows(database.url));
		} finally {
			await database.drop();
		}
		await databaseUnreachable(baseUrl);
	} else {
		record(
			'kill -9 during certificate issues (PostgreSQL)',
			'—',
			'skipped: TEST_DATABASE_URL is not set',
			true
		);
		record('PostgreSQL unreachable', '—', 'skipped: TEST_DATABASE_URL is not set', true);
	}
	const noMount = canMount();
	if (noMount) record('the data folder’s disk fills up', '—', `skipped: ${noMount}`, true);
	else await diskFull();
	deviceFaults();
} catch (error) {
	record('the suite itself', 'runs to the end', `stopped: ${error.stack ?? error}`, false);
} finally {
	rmSync(scratch, { recursive: true, force: true });
}

console.log(`\n| Fault | Expected | Observed | |\n| --- | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.fault} | ${r.expected} | ${r.observed} | ${r.ok ? '✓' : '✗'} |`);
console.log(
	`\n${rows.filter((r) => r.ok).length}/${rows.length} held, in ${((Date.now() - started) / 1000).toFixed(0)} s`
);
process.exit(rows.every((r) => r.ok) ? 0 : 1);
