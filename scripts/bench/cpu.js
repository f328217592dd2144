// `npm run bench:cpu`: CPU time the server process spends per certificate issue, and the database's
// and the load client's share. Unlike requests per second, CPU time per request hardly depends on how
// busy the machine is, so it is the figure to compare before and after a change on a shared machine.
//
// It starts the built server (one process) on loopback, warms it up, sends BENCH_REQUESTS issues per
// round through BENCH_CONNECTIONS keep-alive connections with a lightweight client, and reads the
// server's user + system CPU time from /proc (Linux) around each round. PostgreSQL when
// BENCH_DATABASE_URL is set, else PGlite in a temporary folder.
//
// To compare builds, copy build/ to a folder inside the project before a change (so that it finds
// node_modules) and name both: BENCH_BUILDS=build-before,build npm run bench:cpu. Every server then
// runs at the same time and the requests alternate between them, so that both see the same load
// from the rest of the machine — a fair comparison even while other work runs.
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
const BUILDS = (process.env.BENCH_BUILDS ?? 'build').split(',');
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const CLOCK_TICK_US = 1e6 / Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

if (BUILDS.includes('build') && !existsSync('build/index.js')) {
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

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * BUILDS.length });

// A keep-alive connection the server has just closed fails with ECONNRESET: send the same request
// again, with the same Idempotency-Key, which is what the API is made for.
async function issue(port) {
	const body = requestBody();
	const key = crypto.randomUUID();
	for (let attempt = 1; ; attempt++) {
		try {
			return await send(port, body, key);
		} catch (error) {
			if (error.code !== 'ECONNRESET' || attempt === 3) throw error;
		}
	}
}

function send(port, body, key) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				path: '/api/v1/certificates',
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'idempotency-key': key
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

/** `count` issues to every server, alternating between them request by request. */
async function drive(servers, count) {
	let next = 0;
	const total = count * servers.length;
	await Promise.all(
		Array.from({ length: CONNECTIONS * servers.length }, async () => {
			for (let n = next++; n < total; n = next++) await issue(servers[n % servers.length].port);
		})
	);
}

/** The PostgreSQL backends serving one server's pool, told apart by application_name. */
async function backendsOf(name) {
	const admin = new pg.Client({ connectionString: DATABASE_URL });
	await admin.connect();
	const { rows } = await admin.query(
		'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
		[name]
	);
	await admin.end();
	return rows.map((r) => r.pid);
}

function withApplicationName(url, name) {
	const parsed = new URL(url);
	parsed.searchParams.set('application_name', name);
	return parsed.toString();
}

async function startServer(build, port, dataDir) {
	const name = `alkham-bench-${port}`;
	const child = spawn(
		process.execPath,
		[...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), 'scripts/serve.js'],
		{
			env: {
				...process.env,
				BUILD_DIR: build,
				...(DATABASE_URL ? { DATABASE_URL: withApplicationName(DATABASE_URL, name) } : { DATA_DIR: dataDir }),
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: `http://127.0.0.1:${port}`,
				RATE_LIMIT_PER_MINUTE: '0'
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	// PGlite takes a few seconds to start, much longer on a busy machine.
	const exited = new Promise((resolve) => child.once('exit', resolve));
	for (const deadline = Date.now() + 120_000; ;) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/.well-known/jwks.json`)).ok) break;
		} catch {
			// not up yet
		}
		const stopped = await Promise.race([
			exited.then(() => true),
			new Promise((r) => setTimeout(r, 200, false))
		]);
		if (stopped || Date.now() > deadline) {
			child.kill();
			throw new Error(`${build} did not start`);
		}
	}
	return { build, port, name, child, backends: [], rounds: [] };
}

const dataDirs = [];
const servers = [];
try {
	for (const [i, build] of BUILDS.entries()) {
		const dir = DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'alkham-cpu-'));
		if (dir) dataDirs.push(dir);
		servers.push(await startServer(build, PORT + i, dir));
	}
	await drive(servers, 1000); // warm up the JIT, the pools and the signing key
	// A backend that exits during a round (the pool closes idle connections) is left out.
	const backendMicros = (s) =>
		s.backends.map((pid) => {
			try {
				return cpuMicros(pid);
			} catch {
				return undefined;
			}
		});
	const spent = (before, after) =>
		before.reduce((sum, b, i) => (b === undefined || after[i] === undefined ? sum : sum + after[i] - b), 0);
	for (let round = 0; round < ROUNDS; round++) {
		if (DATABASE_URL) for (const s of servers) s.backends = await backendsOf(s.name);
		const before = servers.map((s) => [cpuMicros(s.child.pid), backendMicros(s)]);
		const client = process.cpuUsage();
		const start = performance.now();
		await drive(servers, REQUESTS);
		const seconds = (performance.now() - start) / 1000;
		const { user, system } = process.cpuUsage(client);
		const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
		console.log(
			`round ${round + 1} (load ${load}, ${((REQUESTS * servers.length) / seconds).toFixed(0)} issues/s in all, ` +
				`load client ${((user + system) / (REQUESTS * servers.length)).toFixed(0)} µs per issue):`
		);
		for (const [i, s] of servers.entries()) {
			const server = (cpuMicros(s.child.pid) - before[i][0]) / REQUESTS;
			const db = DATABASE_URL ? spent(before[i][1], backendMicros(s)) / REQUESTS : undefined;
			s.rounds.push({ server, db });
			console.log(
				`  ${s.build}: server ${server.toFixed(0)} µs${db === undefined ? '' : `, PostgreSQL ${db.toFixed(0)} µs`}`
			);
		}
	}
	// Other work on the machine only ever adds CPU time (cache misses, preemption), so the lowest
	// round is the closest to the true cost; the median shows the spread.
	console.log(
		`\nServer CPU per certificate issue (${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${ROUNDS} rounds of ${REQUESTS}):`
	);
	for (const s of servers) {
		const sorted = (key) => s.rounds.map((r) => r[key]).sort((a, b) => a - b);
		const [server, db] = [sorted('server'), sorted('db')];
		const mid = Math.floor(ROUNDS / 2);
		console.log(
			`  ${s.build}: lowest ${server[0].toFixed(0)} µs, median ${server[mid].toFixed(0)} µs` +
				(DATABASE_URL ? `; PostgreSQL lowest ${db[0].toFixed(0)} µs, median ${db[mid].toFixed(0)} µs` : '')
		);
	}
} finally {
	agent.destroy();
	await Promise.all(
		servers.map((s) => new Promise((resolve) => (s.child.once('exit', resolve), s.child.kill())))
	);
	for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
