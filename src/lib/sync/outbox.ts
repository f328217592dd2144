import { db } from '$lib/learner/db';
import type { DeviceCertificate, OutboxItem } from '$lib/certificates/certificate-store';
import { nextAttemptAt } from './backoff';

/** Statuses worth retrying: too many requests, and server or network trouble. */
export function isRetryable(status: number): boolean {
	return status === 408 || status === 429 || status >= 500;
}

/** The server's answer to completion dates ahead of its clock (see docs/server.md). */
export const CLOCK_AHEAD = 'completed_in_future';
const CLOCK_AHEAD_RETRY_MS = 5 * 60 * 1000;

export interface FlushDeps {
	fetch: typeof fetch;
	now: () => number;
	random?: () => number;
	/** The learner's class, if they joined one (added to the request). */
	classCode?: (profileId: string) => Promise<string | undefined>;
	/**
	 * Send every item now, whatever its backoff says: the connection just came back, and the waits
	 * grew while the device was offline (up to five minutes each), not because the server asked.
	 */
	everything?: boolean;
}

export interface FlushResult {
	sent: number;
	/** Epoch ms of the earliest pending retry, if any item is still waiting. */
	nextAt: number | undefined;
}

/** The request body for a certificate, per the sync API contract. */
export function certificatePayload(certificate: DeviceCertificate, classCode?: string) {
	return {
		learner: { id: certificate.profileId, name: certificate.learnerName },
		courseId: certificate.courseId,
		completedAt: certificate.completedAt,
		lessons: certificate.lessons,
		locale: certificate.locale,
		...(classCode ? { classCode } : {})
	};
}

async function sendOne(item: OutboxItem, deps: FlushDeps): Promise<'sent' | 'later' | 'failed' | 'waiting'> {
	const database = db();
	const certificate = (await database.certificates.get(item.key)) as DeviceCertificate | undefined;
	if (!certificate || certificate.status === 'issued') {
		await database.outbox.delete(item.key);
		return 'sent';
	}
	// Waits for the learner to give the name to print on it.
	if (!certificate.learnerName) return 'waiting';
	// The class is decided at the first try and kept: every retry must send the same body under the
	// same idempotency key (a different one is a 409), even if the learner left the class meanwhile.
	let classCode = certificate.classCode;
	if (classCode === undefined && deps.classCode) {
		classCode = (await deps.classCode(certificate.profileId)) ?? null;
		await database.certificates.update(item.key, { classCode });
	}
	let response: Response;
	try {
		response = await deps.fetch('/api/v1/certificates', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': item.key },
			body: JSON.stringify(certificatePayload(certificate, classCode ?? undefined))
		});
	} catch {
		response = new Response(null, { status: 503 });
	}
	if (response.status === 201) {
		const body = (await response.json()) as { id: string; credential: string; verifyUrl: string };
		await database.transaction('rw', database.certificates, database.outbox, async () => {
			await database.certificates.update(item.key, {
				status: 'issued',
				problem: undefined,
				serverId: body.id,
				credential: body.credential,
				verifyUrl: body.verifyUrl,
				issuedAt: new Date(deps.now()).toISOString()
			});
			await database.outbox.delete(item.key);
		});
		return 'sent';
	}
	if (isRetryable(response.status)) {
		await database.outbox.update(item.key, {
			attempts: item.attempts + 1,
			nextAttemptAt: nextAttemptAt(
				item.attempts,
				deps.now(),
				response.headers.get('retry-after'),
				deps.random
			)
		});
		return 'later';
	}
	const code = await response
		.json()
		.then((b: { error?: { code?: string } }) => b.error?.code ?? `http_${response.status}`)
		.catch(() => `http_${response.status}`);
	if (code === CLOCK_AHEAD) {
		// This device's clock runs ahead of the server's: the dates become acceptable once the
		// server's time passes them. Kept, tried again every few minutes, and said on the page.
		await database.transaction('rw', database.certificates, database.outbox, async () => {
			await database.certificates.update(item.key, { problem: code });
			await database.outbox.update(item.key, {
				attempts: item.attempts + 1,
				nextAttemptAt: deps.now() + CLOCK_AHEAD_RETRY_MS
			});
		});
		return 'later';
	}
	await database.transaction('rw', database.certificates, database.outbox, async () => {
		await database.certificates.update(item.key, { status: 'failed', problem: code });
		await database.outbox.delete(item.key);
	});
	return 'failed';
}

/**
 * Sends every outbox item that is due. Each item keeps its idempotency key for life, so a retry —
 * or Background Sync replaying the same request — can never issue a second certificate.
 */
export async function flushOutbox(deps: FlushDeps): Promise<FlushResult> {
	const database = db();
	const items = (await database.outbox.toArray()) as OutboxItem[];
	let sent = 0;
	for (const item of items) {
		if (!deps.everything && item.nextAttemptAt > deps.now()) continue;
		if ((await sendOne(item, deps)) === 'sent') sent++;
	}
	const rest = (await database.outbox.toArray()) as OutboxItem[];
	const pending = [];
	for (const item of rest) {
		const certificate = (await database.certificates.get(item.key)) as DeviceCertificate | undefined;
		if (certificate?.learnerName) pending.push(item.nextAttemptAt);
	}
	return { sent, nextAt: pending.length ? Math.min(...pending) : undefined };
}
