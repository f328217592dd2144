// `npm run bench:cpu`: CPU time the server process spends per certificate issue. Unlike requests per
// second, this figure hardly moves when other work shares the machine, so it is the one to compare
// before and after a change on a busy machine. It starts the built server (one process) on loopback,
// warms it up, sends BENCH_REQUESTS issues through BENCH_CONNECTIONS keep-alive connections with a
// lightweight client, and reads the server's user + system CPU time from /proc (Linux) around them.
// PostgreSQL when BENCH_DATABASE_URL is set, else PGlite in a temporary folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PORT = Number(process.env.BENCH_PORT ?? 4292);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Another build folder (e.g. a copy of build/ from before a change, inside the project so that it
// finds node_modules) to compare: BENCH_BUILD=build-before npm run bench:cpu.
const BUILD = process.env.BENCH_BUILD ?? 'build';
const CLOCK_TICK_US = 1e6 / Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

if (BUILD === 'build' && !existsSync('build/index.js')) {
	console.log('Building the production app first…');
	if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

const catalogue = JSON.parse(readFileSync('content/catalogue.json', 'utf8'));
const courseId = catalogue.courses[0];
const course = JSON.parse(readFileSync(`content/courses/${courseId}/course.json`, 'utf8'));

function requestBody() {
	const at = new Date().toISOString();
	return JSON.stringify({
		learner: { id: crypto.randomUUID(), name: 'Бенчмарк' },
		courseId,
		completedAt: at,
		lessons: course.lessons.map((lessonId) => ({ lessonId, completedAt: at })),
		locale: 'mn'
	});
}

/** User + system CPU time of a process so far, in microseconds. */
function cpuMicros(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_US;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function issue() {
	const body = requestBody();
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: PORT,
				path: '/api/v1/certificates',
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'idempotency-key': crypto.randomUUID()
				}
			},
			(res) => {
				res.resume();
				res.on('end', () =>
					res.statusCode === 201 ? resolve() : reject(new Error(`status ${res.statusCode}`))
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function drive(count) {
	let next = 0;
	await Promise.all(
		Array.from({ length: CONNECTIONS }, async () => {
			while (next++ < count) await issue();
		})
	);
}

const dir = process.env.BENCH_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'alkham-cpu-'));
const server = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), BUILD], {
	env: {
		...process.env,
		...(dir ? { DATA_DIR: dir } : { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${PORT}`,
		RATE_LIMIT_PER_MINUTE: '0'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${PORT}/.well-known/jwks.json`)).ok) break;
		} catch {
			if (i > 300) throw new Error('server did not start');
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await drive(1000); // warm up the JIT, the pool and the signing key
	// PostgreSQL's share: the backends serving the server's pool (found after the warm-up opened them).
	let backends = [];
	if (!dir) {
		const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
		await admin.connect();
		const { rows } = await admin.query(
			'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'
		);
		await admin.end();
		backends = rows.map((r) => r.pid);
	}
	const backendMicros = () => backends.reduce((sum, pid) => sum + cpuMicros(pid), 0);
	const perRequest = [];
	for (let round = 0; round < ROUNDS; round++) {
		const before = cpuMicros(server.pid);
		const beforeDb = backendMicros();
		const beforeClient = process.cpuUsage();
		const start = performance.now();
		await drive(REQUESTS);
		const seconds = (performance.now() - start) / 1000;
		const us = (cpuMicros(server.pid) - before) / REQUESTS;
		const client = process.cpuUsage(beforeClient);
		const db = backends.length
			? `, PostgreSQL ${((backendMicros() - beforeDb) / REQUESTS).toFixed(0)} µs`
			: '';
		perRequest.push(us);
		console.log(
			`round ${round + 1}: ${us.toFixed(0)} µs server CPU per issue${db}, load client ${((client.user + client.system) / REQUESTS).toFixed(0)} µs ` +
				`(${(REQUESTS / seconds).toFixed(0)} issues/s wall clock, ${CONNECTIONS} connections)`
		);
	}
	perRequest.sort((a, b) => a - b);
	// Other work on the machine only ever adds CPU time (cache misses, frequency), so the lowest round
	// is the closest to the true cost; the median shows the spread.
	const [lowest, median] = [perRequest[0], perRequest[Math.floor(perRequest.length / 2)]];
	console.log(
		`${dir ? 'PGlite' : 'PostgreSQL'}: lowest ${lowest.toFixed(0)} µs, median ${median.toFixed(0)} µs server CPU per issue ` +
			`(→ at most ${(1e6 / lowest).toFixed(0)} issues/s per fully used core)`
	);
} finally {
	agent.destroy();
	await new Promise((resolve) => (server.once('exit', resolve), server.kill()));
	if (dir) rmSync(dir, { recursive: true, force: true });
}
