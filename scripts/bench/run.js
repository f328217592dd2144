// `npm run bench`: certificate issues per second through the built server, on loopback, against
// PGlite and (when BENCH_DATABASE_URL is set) PostgreSQL, beside the raw insert rate of the same rows
// through the same driver. Not part of `npm test`: timings depend on the machine.
//
// Load generators: wrk (C, from Debian: `apt-get install wrk`) when it is installed, and autocannon
// (Node, an npm dev dependency). On a 2-core machine the generator shares the cores with the server
// and the database, and autocannon spends several times wrk's CPU per request, so both are reported
// (BENCH_CLIENTS=wrk or =autocannon runs one). BENCH_WORKERS lists server process counts to try on
// PostgreSQL (default 1,2; scripts/serve-cluster.js); PGlite always runs in one process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const PORT = Number(process.env.BENCH_PORT ?? 4292);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RAW_ROWS = Number(process.env.BENCH_RAW_ROWS ?? 5000);
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
const CLIENTS = (process.env.BENCH_CLIENTS ?? (hasWrk ? 'wrk,autocannon' : 'autocannon')).split(',');
const origin = `http://127.0.0.1:${PORT}`;
if (CLIENTS.includes('wrk') && !hasWrk) {
	console.error('wrk is not installed (apt-get install wrk), or run with BENCH_CLIENTS=autocannon');
	process.exit(1);
}

if (!existsSync('build/index.js')) {
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

async function startServer(env, workers = 1) {
	// Several workers: scripts/serve-cluster.js, one server process each, sharing the port.
	// PGlite belongs to one process, so only the PostgreSQL runs use several.
	const args = workers === 1 ? ['scripts/serve.js'] : ['scripts/serve-cluster.js'];
	const server = spawn(process.execPath, args, {
		env: {
			...process.env,
			...env,
			WEB_CONCURRENCY: String(workers),
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			RATE_LIMIT_PER_MINUTE: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	// PGlite takes a few seconds to start, much longer on a busy machine.
	const exited = new Promise((resolve) => server.once('exit', resolve));
	for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
		try {
			if ((await fetch(`${origin}/.well-known/jwks.json`)).ok) return server;
		} catch {
			// not up yet
		}
		if (await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 200, false))]))
			throw new Error('the server stopped during start-up (see above)');
	}
	server.kill();
	throw new Error('server did not start within 2 minutes');
}

const stop = (server) => new Promise((resolve) => (server.once('exit', resolve), server.kill()));

/**
 * Warms up the JIT, the pool, the signing key and the database's caches with a few seconds of the
 * same load, discarded, once per server start: the first seconds after a start run 20-30 % slower,
 * which would otherwise count against whichever load generator happens to go first.
 */
async function warmUp() {
	await autocannonLoad(WARMUP);
}

// wrk runs a Lua function per request: a new random (version 4) UUID for the key and the learner,
// seeded apart in each thread, and the same body as requestBody().
const WRK_SCRIPT = `
local lessons = ${JSON.stringify(JSON.stringify(course.lessons))}
local counter = 1
function setup(thread)
	thread:set("id", counter)
	counter = counter + 1
end
function init(args)
	math.randomseed(os.time() * 1000 + id * 7919 + math.floor(os.clock() * 1000000))
end
local function uuid()
	return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function (c)
		local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
		return string.format("%x", v)
	end))
end
function request()
	local at = os.date("!%Y-%m-%dT%H:%M:%S.000Z")
	local list = {}
	for lesson in string.gmatch(lessons, '"([^"]+)"') do
		list[#list + 1] = '{"lessonId":"' .. lesson .. '","completedAt":"' .. at .. '"}'
	end
	local body = '{"learner":{"id":"' .. uuid() .. '","name":"Бенчмарк"},"courseId":"${courseId}","completedAt":"' ..
		at .. '","lessons":[' .. table.concat(list, ",") .. '],"locale":"mn"}'
	return wrk.format("POST", "/api/v1/certificates",
		{ ["Content-Type"] = "application/json", ["Idempotency-Key"] = uuid() }, body)
end
`;

/** Milliseconds from a wrk latency figure such as 812.00us, 14.51ms or 1.02s. */
function wrkMs(text) {
	const [, value, unit] = /([\d.]+)(us|ms|s)/.exec(text) ?? [];
	return Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];
}

async function wrkLoad() {
	const script = join(tmpdir(), `alkham-bench-${process.pid}.lua`);
	writeFileSync(script, WRK_SCRIPT);
	// One wrk thread: the generator then takes at most one core, usually far less.
	const child = spawn(
		'wrk',
		[
			'-t1',
			`-c${CONNECTIONS}`,
			`-d${DURATION}s`,
			'--timeout',
			'10s',
			'--latency',
			'-s',
			script,
			`${origin}/api/v1/certificates`
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	let out = '';
	child.stdout.on('data', (chunk) => (out += chunk));
	const code = await new Promise((resolve) => child.once('exit', resolve));
	rmSync(script, { force: true });
	if (code !== 0) throw new Error(`wrk failed:\n${out}`);
	const requests = Number(/(\d+) requests in/.exec(out)[1]);
	const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
	const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
	const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
	return {
		issuesPerSecond: (requests - non2xx) / DURATION,
		p50: wrkMs(/ 50%\s+(\S+)/.exec(out)[1]),
		p99: wrkMs(/ 99%\s+(\S+)/.exec(out)[1]),
		errors
	};
}

async function wrkOrAutocannon(client) {
	return client === 'wrk' ? wrkLoad() : autocannonLoad(DURATION);
}

async function autocannonLoad(seconds) {
	const result = await autocannon({
		url: `${origin}/api/v1/certificates`,
		connections: CONNECTIONS,
		duration: seconds,
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => ({
					...req,
					headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
					body: requestBody()
				})
			}
		]
	});
	const ok = result['2xx'];
	return {
		issuesPerSecond: ok / seconds,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.non2xx + result.errors + result.timeouts
	};
}

// The statement the server runs per issue (ISSUE_STATEMENT in src/lib/server/certificates/
// issue-certificate.ts), prepared the same way: named on PostgreSQL, plain on PGlite.
const ISSUE_STATEMENT = `
	WITH claimed AS (
		INSERT INTO idempotency_keys (key, request_hash, status, response, certificate_id)
		VALUES ($1, $2, 201, $3, $4)
		ON CONFLICT DO NOTHING
		RETURNING key
	)
	INSERT INTO certificates
		(id, learner_id, learner_name, course_id, course_version, completed_at, locale, class_code, credential, kid)
	SELECT $4, $5, $6, $7, $8, $9::timestamptz, $10, $11, $12, $13
	FROM claimed
	RETURNING id`;

/**
 * Inserts `rows` of what the API stores per issue (an idempotency record and a certificate), with
 * the same single statement the server uses, so the ratio shows what the API itself costs.
 */
async function insertRows(query, rows) {
	const credential = 'x'.repeat(1400); // about the size of a signed credential
	const response = JSON.stringify({ id: crypto.randomUUID(), credential, verifyUrl: `${origin}/verify/x` });
	for (let n = 0; n < rows; n++) {
		const id = crypto.randomUUID();
		await query(ISSUE_STATEMENT, [
			crypto.randomUUID(),
			'h'.repeat(64),
			response,
			id,
			crypto.randomUUID(),
			'Бенчмарк',
			courseId,
			course.version ?? 1,
			new Date().toISOString(),
			'mn',
			null,
			credential,
			'bench'
		]);
	}
}

/** Raw rate through `connections` parallel connections, in rows per second. */
async function rawRate(connections) {
	const share = Math.ceil(RAW_ROWS / connections.length);
	const start = performance.now();
	await Promise.all(connections.map((query) => insertRows(query, share)));
	return (share * connections.length) / ((performance.now() - start) / 1000);
}

const results = [];
const loadAtStart = loadavg()[0];

// PGlite: one embedded database, one connection.
{
	const dir = mkdtempSync(join(tmpdir(), 'alkham-bench-'));
	const server = await startServer({ DATA_DIR: dir });
	await warmUp();
	const runs = [];
	for (const client of CLIENTS) runs.push({ client, ...(await wrkOrAutocannon(client)) });
	await stop(server);
	const pglite = new PGlite(dir);
	await pglite.waitReady;
	const raw = await rawRate([(sql, params) => pglite.query(sql, params)]);
	await pglite.close();
	rmSync(dir, { recursive: true, force: true });
	for (const run of runs) results.push({ database: 'PGlite (embedded)', workers: 1, ...run, raw });
}

// PostgreSQL, when a database is given: the server's pool size (10) for the raw inserts too.
if (process.env.BENCH_DATABASE_URL) {
	const url = process.env.BENCH_DATABASE_URL;
	const runs = [];
	for (const workers of WORKERS) {
		const server = await startServer({ DATABASE_URL: url }, workers);
		await warmUp();
		for (const client of CLIENTS) runs.push({ workers, client, ...(await wrkOrAutocannon(client)) });
		await stop(server);
	}
	const pool = new pg.Pool({ connectionString: url, max: 10 });
	const clients = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
	const raw = await rawRate(
		clients.map((c) => (text, values) => c.query({ name: 'alkham_issue_certificate', text, values }))
	);
	clients.forEach((c) => c.release());
	await pool.end();
	for (const run of runs) results.push({ database: 'PostgreSQL', ...run, raw });
}

console.log(
	`\nCertificate issues on ${cpus().length} cores (load average ${loadAtStart.toFixed(1)} at the start, ` +
		`${loadavg()[0].toFixed(1)} at the end), ${CONNECTIONS} connections, ${DURATION} s each after a ${WARMUP} s warm-up:\n`
);
console.log(
	'| database | server processes | load generator | issues/s | p50 ms | p99 ms | errors | raw inserts/s | API ÷ raw |'
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results)
	console.log(
		`| ${r.database} | ${r.workers} | ${r.client} | ${r.issuesPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.raw.toFixed(0)} | ${(r.issuesPerSecond / r.raw).toFixed(2)} |`
	);
