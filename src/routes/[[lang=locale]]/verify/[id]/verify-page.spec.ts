import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db';
import { issueCertificate } from '$lib/server/certificates/issue-certificate';
import { activeSigningKey } from '$lib/server/issuer/issuer-keys';
import {
	certificateRequest,
	testCourse,
	testDatabases,
	type TestDatabase
} from '$lib/server/testing/test-databases';
import en from '../../../../../messages/en.json';
import mn from '../../../../../messages/mn.json';

// The page opens the server's database through this module; the tests hand it the test database.
let current: DatabaseHandle;
vi.mock('$lib/server/db/database.server', () => ({ database: async () => current }));

const ORIGIN = 'https://alkham.test';

/** The page's load, read afresh with `env` (the public origin is read once, when loaded). */
async function load(env: Record<string, string | undefined>, id: string) {
	vi.resetModules();
	vi.stubEnv('PUBLIC_BASE_URL', env.PUBLIC_BASE_URL);
	vi.stubEnv('ORIGIN', env.ORIGIN);
	const page = await import('./+page.server');
	return page.load({ params: { id }, setHeaders: () => {} } as never);
}

describe.each(testDatabases())('the verify page on $name', ({ open }) => {
	let database: TestDatabase;

	beforeAll(async () => {
		database = await open();
		current = database;
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(() => database.reset());
	afterEach(() => vi.unstubAllEnvs());

	/** A certificate as issued with `origin` as its issuer (a forged Host, before this was fixed). */
	async function issuedAs(origin: string) {
		const ctx = { db: database.db, key: await activeSigningKey(database.db), courses: [testCourse], origin };
		const outcome = await issueCertificate(ctx, crypto.randomUUID(), certificateRequest());
		if (outcome.status !== 201) throw new Error('not issued');
		return JSON.parse(outcome.body).id as string;
	}

	test("shows a certificate that names this server's origin as valid", async () => {
		const id = await issuedAs(ORIGIN);
		expect(await load({ PUBLIC_BASE_URL: `${ORIGIN}/` }, id)).toMatchObject({
			state: 'valid',
			id,
			learner: 'Болд'
		});
	});

	test('shows nothing of a certificate that names another issuer, only whose it claims to be', async () => {
		const id = await issuedAs('https://evil.example');
		expect(await load({ ORIGIN }, id)).toEqual({
			state: 'foreign',
			id,
			issuer: 'https://evil.example',
			origin: ORIGIN
		});
	});

	test('says it cannot tell who issued a certificate when no public origin is configured', async () => {
		const id = await issuedAs(ORIGIN);
		expect(await load({}, id)).toEqual({ state: 'unconfigured', id });
	});

	test('says so in both languages', () => {
		expect(en.verify_foreign_issuer).toMatch(/not issued by this server.*\{issuer\}.*\{origin\}/);
		expect(mn.verify_foreign_issuer).toMatch(/\{issuer\}.*\{origin\}/);
		expect(en.verify_issuer_not_configured).toBeTruthy();
		expect(mn.verify_issuer_not_configured).toBeTruthy();
	});
});
