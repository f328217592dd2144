// Shared pieces of the fault-injection suite (scripts/faults/run.js): start and kill the built
// server, send certificate requests as a device would, and count what the database holds.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const catalogue = JSON.parse(readFileSync('content/catalogue.json', 'utf8'));
const courseId = catalogue.courses[0];
const course = JSON.parse(readFileSync(`content/courses/${courseId}/course.json`, 'utf8'));

/** A device's certificate request: the key and body stay the same on every retry. */
export function certificateRequest(name = 'Сорилт') {
	const at = new Date(Date.now() - 60_000).toISOString();
	return {
		key: crypto.randomUUID(),
		body: JSON.stringify({
			learner: { id: crypto.randomUUID(), name },
			courseId,
			completedAt: at,
			lessons: course.lessons.map((lessonId) => ({ lessonId, completedAt: at })),
			locale: 'mn'
		})
	};
}

/** Sends one request; `{ status, id, retryAfter }`, or `{ status: 0, error }` when the connection failed. */
export async function send(origin, request) {
	try {
		const response = await fetch(`${origin}/api/v1/certificates`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': request.key },
			body: request.body,
			signal: AbortSignal.timeout(30_000)
		});
		const json = await response.json().catch(() => ({}));
		return {
			status: response.status,
			id: json.id,
			code: json.error?.code,
			retryAfter: response.headers.get('retry-after')
		};
	} catch (error) {
		return { status: 0, error: error.cause?.code ?? error.name };
	}
}

/** Sends every request, `concurrency` at a time; `onAnswer` sees each answer as it comes. */
export async function sendAll(origin, requests, { concurrency = 8, onAnswer = () => {} } = {}) {
	const answers = new Map();
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < requests.length) {
				const request = requests[next++];
				const answer = await send(origin, request);
				answers.set(request.key, answer);
				onAnswer(answer, request);
			}
		})
	);
	return answers;
}

/**
 * Starts the built server (scripts/serve.js) and waits until it answers. Resolves with the child
 * process and its collected output; rejects if it stops first.
 */
export async function startServer({ port, env, expectExit = false }) {
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			RATE_LIMIT_PER_MINUTE: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = { text: '' };
	child.stdout.on('data', (d) => (output.text += d));
	child.stderr.on('data', (d) => (output.text += d));
	const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 'signal')));
	child.exited = exited;
	child.output = output;
	if (expectExit) return child;
	for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/.well-known/jwks.json`)).ok) return child;
		} catch {
			// not up yet
		}
		const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 200, undefined))]);
		if (code !== undefined) throw new Error(`the server stopped during start-up (${code}):\n${output.text}`);
	}
	child.kill('SIGKILL');
	throw new Error('the server did not start within 2 minutes');
}

/** Stops the server the way an operator would (SIGTERM) and waits for it. */
export async function stopServer(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	await child.exited;
}

/** Counts certificates and stored answers in the database, after its server has stopped. */
export async function countRows(databaseUrl, dataDir) {
	const sql =
		'SELECT (SELECT count(*) FROM certificates)::int AS certificates, (SELECT count(*) FROM idempotency_keys)::int AS keys';
	if (databaseUrl) {
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			return (await client.query(sql)).rows[0];
		} finally {
			await client.end();
		}
	}
	const db = new PGlite(dataDir);
	try {
		return (await db.query(sql)).rows[0];
	} finally {
		await db.close();
	}
}

/** A fresh PostgreSQL database for one scenario (the role in TEST_DATABASE_URL may create databases). */
export async function freshPostgres(baseUrl, name) {
	const admin = new pg.Client({ connectionString: baseUrl });
	await admin.connect();
	try {
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.query(`CREATE DATABASE ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: baseUrl });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
		}
	};
}

/**
 * A TCP relay in front of PostgreSQL that can be cut, as a network failure or a database restart
 * would cut it: `cut()` drops every connection and refuses new ones until `restore()`.
 */
export async function cuttableRelay(target) {
	const sockets = new Set();
	let open = true;
	const server = createServer((incoming) => {
		if (!open) return incoming.destroy();
		const outgoing = connect(Number(target.port || 5432), target.hostname);
		for (const s of [incoming, outgoing]) {
			sockets.add(s);
			s.on('close', () => sockets.delete(s));
			s.on('error', () => {});
		}
		incoming.pipe(outgoing).pipe(incoming);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: server.address().port,
		cut() {
			open = false;
			for (const s of sockets) s.destroy();
		},
		restore() {
			open = true;
		},
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends every request until each is answered 201, as a device's outbox would: on a 503 it waits
 * for Retry-After (at most `maxWaitMs` in all), on a connection error a second. Returns the final
 * answers and every status seen on the way.
 */
export async function sendUntilIssued(
	origin,
	requests,
	{ concurrency = 8, maxWaitMs = 60_000, onAnswer = () => {} } = {}
) {
	const seen = [];
	const final = new Map();
	const deadline = Date.now() + maxWaitMs;
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < requests.length) {
				const request = requests[next++];
				for (;;) {
					const answer = await send(origin, request);
					seen.push(answer);
					final.set(request.key, answer);
					onAnswer(answer);
					if (answer.status !== 503 && answer.status !== 0) break;
					if (Date.now() > deadline) break;
					await sleep(answer.retryAfter ? Math.min(Number(answer.retryAfter), 5) * 1000 : 1000);
				}
			}
		})
	);
	return { final, seen };
}
