// `npm run bench`: certificate issues per second through the built server, on loopback, against
// PGlite and (when BENCH_DATABASE_URL is set) PostgreSQL, beside the raw insert rate of the same rows
// through the same driver. Not part of `npm test`: timings depend on the machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

const PORT = Number(process.env.BENCH_PORT ?? 4292);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RAW_ROWS = Number(process.env.BENCH_RAW_ROWS ?? 5000);
const origin = `http://127.0.0.1:${PORT}`;

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

async function startServer(env) {
	// BENCH_WORKERS > 1 runs one server process per core (scripts/serve-cluster.js).
	// PGlite belongs to one process, so only the PostgreSQL run uses several.
	const workers = env.DATABASE_URL ? (process.env.BENCH_WORKERS ?? '1') : '1';
	const args = workers === '1' ? ['build'] : ['scripts/serve-cluster.js'];
	const server = spawn(process.execPath, args, {
		env: {
			...process.env,
			...env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			RATE_LIMIT_PER_MINUTE: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${origin}/.well-known/jwks.json`)).ok) return server;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error('server did not start');
}

const stop = (server) => new Promise((resolve) => (server.once('exit', resolve), server.kill()));

async function loadTest() {
	// Warm up the JIT, the pool and the signing key.
	for (let i = 0; i < 50; i++)
		await fetch(`${origin}/api/v1/certificates`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
			body: requestBody()
		});
	const result = await autocannon({
		url: `${origin}/api/v1/certificates`,
		connections: CONNECTIONS,
		duration: DURATION,
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
		issuesPerSecond: ok / DURATION,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.non2xx + result.errors + result.timeouts
	};
}

/**
 * Inserts `rows` of what the API stores per issue (an idempotency record and a certificate), with
 * the same single statement the server uses, so the ratio shows what the API itself costs.
 */
async function insertRows(query, rows) {
	const credential = 'x'.repeat(1400); // about the size of a signed credential
	const response = JSON.stringify({ id: crypto.randomUUID(), credential, verifyUrl: `${origin}/verify/x` });
	for (let n = 0; n < rows; n++) {
		const id = crypto.randomUUID();
		await query(
			`WITH claimed AS (
				INSERT INTO idempotency_keys (key, request_hash, status, response, certificate_id)
				VALUES ($1, $2, 201, $3, $4) ON CONFLICT DO NOTHING RETURNING key)
			INSERT INTO certificates (id, learner_id, learner_name, course_id, course_version, completed_at, locale, class_code, credential, kid)
			SELECT $4, $5, $6, $7, 1, now(), 'mn', NULL, $8, 'bench' FROM claimed RETURNING id`,
			[
				crypto.randomUUID(),
				'h'.repeat(64),
				response,
				id,
				crypto.randomUUID(),
				'Бенчмарк',
				courseId,
				credential
			]
		);
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

// PGlite: one embedded database, one connection.
{
	const dir = mkdtempSync(join(tmpdir(), 'alkham-bench-'));
	const server = await startServer({ DATA_DIR: dir });
	const api = await loadTest();
	await stop(server);
	const client = new PGlite(dir);
	await client.waitReady;
	const raw = await rawRate([(sql, params) => client.query(sql, params)]);
	await client.close();
	rmSync(dir, { recursive: true, force: true });
	results.push({ database: 'PGlite (embedded)', ...api, raw });
}

// PostgreSQL, when a database is given: the server's pool size (10) for the raw inserts too.
if (process.env.BENCH_DATABASE_URL) {
	const url = process.env.BENCH_DATABASE_URL;
	const server = await startServer({ DATABASE_URL: url });
	const api = await loadTest();
	await stop(server);
	const pool = new pg.Pool({ connectionString: url, max: 10 });
	const clients = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
	const raw = await rawRate(clients.map((c) => (sql, params) => c.query(sql, params)));
	clients.forEach((c) => c.release());
	await pool.end();
	results.push({ database: 'PostgreSQL', ...api, raw });
}

console.log(
	`\nCertificate issues on ${cpus().length} cores, ${CONNECTIONS} connections, ${DURATION} s each:\n`
);
console.log('| database | issues/s | p50 ms | p99 ms | errors | raw inserts/s | API ÷ raw |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results)
	console.log(
		`| ${r.database} | ${r.issuesPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.raw.toFixed(0)} | ${(r.issuesPerSecond / r.raw).toFixed(2)} |`
	);
