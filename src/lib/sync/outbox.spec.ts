import { beforeEach, describe, expect, test } from 'vitest';
import type { AlkhamDatabase } from '$lib/learner/db';
import { freshDeviceDb } from '$lib/testing/device-db';
import { recordEvent } from '$lib/learner/progress-store';
import { ensureCertificate, type DeviceCertificate } from '$lib/certificates/certificate-store';
import { flushOutbox, isRetryable } from './outbox';

let database: AlkhamDatabase;
let certificate: DeviceCertificate;
const now = () => 1_000_000;

beforeEach(async () => {
	database = freshDeviceDb();
	for (const lessonId of ['a', 'b'])
		await recordEvent({ profileId: 'p', courseId: 'c', lessonId, kind: 'lesson-done' });
	certificate = (await ensureCertificate({
		profileId: 'p',
		learnerName: 'Бат',
		courseId: 'c',
		lessonIds: ['a', 'b'],
		locale: 'en'
	}))!;
});

function server(...responses: (Response | Error)[]) {
	const calls: { headers: Headers; body: unknown }[] = [];
	const fetcher = (async (_url: string, init: RequestInit) => {
		calls.push({ headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
		const next = responses.shift()!;
		if (next instanceof Error) throw next;
		return next;
	}) as unknown as typeof fetch;
	return { fetcher, calls };
}

const issued = () =>
	Response.json(
		{ id: 'server-id', credential: 'a.b.c', verifyUrl: 'https://x/verify/server-id' },
		{ status: 201 }
	);

describe('flushOutbox', () => {
	test('sends the certificate with its idempotency key and marks it issued', async () => {
		const { fetcher, calls } = server(issued());
		expect(await flushOutbox({ fetch: fetcher, now })).toEqual({ sent: 1, nextAt: undefined });
		expect(calls[0].headers.get('idempotency-key')).toBe(certificate.id);
		expect(calls[0].body).toMatchObject({ learner: { id: 'p', name: 'Бат' }, courseId: 'c', locale: 'en' });
		expect(await database.certificates.get(certificate.id)).toMatchObject({
			status: 'issued',
			credential: 'a.b.c'
		});
		expect(await database.outbox.count()).toBe(0);
	});

	test('keeps the same key on every retry and backs off after network errors and 5xx', async () => {
		const { fetcher, calls } = server(
			new TypeError('offline'),
			new Response(null, { status: 503 }),
			issued()
		);
		const first = await flushOutbox({ fetch: fetcher, now, random: () => 0.5 });
		expect(first.nextAt).toBe(now() + 1000);
		// Not due yet: nothing is sent.
		await flushOutbox({ fetch: fetcher, now });
		expect(calls).toHaveLength(1);
		await flushOutbox({ fetch: fetcher, now: () => now() + 1000, random: () => 0.5 });
		await flushOutbox({ fetch: fetcher, now: () => now() + 60_000 });
		expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual([
			certificate.id,
			certificate.id,
			certificate.id
		]);
		expect((await database.certificates.get(certificate.id))?.status).toBe('issued');
	});

	test('sends everything at once when the connection comes back, after days of growing waits', async () => {
		// Offline for days: the item has failed many times and waits up to five minutes more.
		await database.outbox.update(certificate.id, { attempts: 40, nextAttemptAt: now() + 5 * 60_000 });
		const { fetcher, calls } = server(issued());
		await flushOutbox({ fetch: fetcher, now });
		expect(calls).toHaveLength(0);
		expect(await flushOutbox({ fetch: fetcher, now, everything: true })).toEqual({
			sent: 1,
			nextAt: undefined
		});
		expect(calls[0].headers.get('idempotency-key')).toBe(certificate.id);
	});

	test('keeps a certificate dated ahead of the server’s clock and sends it again later', async () => {
		const { fetcher, calls } = server(
			Response.json({ error: { code: 'completed_in_future', message: 'x' } }, { status: 422 }),
			issued()
		);
		const first = await flushOutbox({ fetch: fetcher, now });
		expect(first.nextAt).toBe(now() + 5 * 60_000);
		expect(await database.certificates.get(certificate.id)).toMatchObject({
			status: 'pending',
			problem: 'completed_in_future'
		});
		await flushOutbox({ fetch: fetcher, now: () => now() + 5 * 60_000 });
		expect(calls).toHaveLength(2);
		const sent = await database.certificates.get(certificate.id);
		expect(sent).toMatchObject({ status: 'issued' });
		expect(sent?.problem).toBeUndefined();
	});

	test('waits as long as Retry-After asks', async () => {
		const { fetcher } = server(new Response(null, { status: 429, headers: { 'retry-after': '120' } }));
		expect((await flushOutbox({ fetch: fetcher, now, random: () => 0 })).nextAt).toBe(now() + 120_000);
	});

	test('stops retrying a refused certificate and records why', async () => {
		const { fetcher } = server(
			Response.json({ error: { code: 'inconsistent_data', message: 'x' } }, { status: 422 })
		);
		await flushOutbox({ fetch: fetcher, now });
		expect(await database.certificates.get(certificate.id)).toMatchObject({
			status: 'failed',
			problem: 'inconsistent_data'
		});
		expect(await database.outbox.count()).toBe(0);
	});

	test('holds a certificate without a name until the learner gives one', async () => {
		await database.certificates.update(certificate.id, { learnerName: '' });
		const { fetcher, calls } = server();
		expect(await flushOutbox({ fetch: fetcher, now })).toEqual({ sent: 0, nextAt: undefined });
		expect(calls).toHaveLength(0);
	});

	test('sends the learner’s class code, and no code when they are in no class', async () => {
		const { fetcher, calls } = server(issued());
		await flushOutbox({ fetch: fetcher, now, classCode: async (id) => (id === 'p' ? 'ABC234' : undefined) });
		expect(calls[0].body).toMatchObject({ classCode: 'ABC234' });

		await database.certificates.update(certificate.id, { status: 'pending', classCode: undefined });
		await database.outbox.add({
			key: certificate.id,
			kind: 'certificate',
			profileId: 'p',
			createdAt: '',
			attempts: 0,
			nextAttemptAt: 0
		});
		const second = server(issued());
		await flushOutbox({ fetch: second.fetcher, now, classCode: async () => undefined });
		expect(second.calls[0].body).not.toHaveProperty('classCode');
	});

	test('keeps the class code of the first try on every retry, even after the learner leaves the class', async () => {
		const { fetcher, calls } = server(new TypeError('offline'), issued());
		let joined: string | undefined = 'ABC234';
		const classCode = async () => joined;
		await flushOutbox({ fetch: fetcher, now, classCode });
		joined = undefined;
		await flushOutbox({ fetch: fetcher, now: () => now() + 60_000, classCode });
		expect(calls.map((c) => (c.body as { classCode?: string }).classCode)).toEqual(['ABC234', 'ABC234']);
	});

	test('retries only retryable statuses', () => {
		expect([408, 429, 500, 503].every(isRetryable)).toBe(true);
		expect([400, 409, 413, 415, 422].some(isRetryable)).toBe(false);
	});
});
