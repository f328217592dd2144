import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabase } from '../testing/test-databases';
import { runAdminCommand } from './admin';
import { main, type CliIo } from './admin-cli';

describe.each(testDatabases())('npm run admin refuses weak passwords on $name', ({ open }) => {
	let database: TestDatabase;

	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(() => database.reset());

	const create = (password: string) =>
		runAdminCommand(database.db, {
			command: 'create',
			email: 'sarnai.bat@school.mn',
			name: 'Сарнай Батбаяр',
			password
		});

	it('says why a common, personal or repetitive password is refused, and creates nothing', async () => {
		expect(await create('Password2024!')).toEqual({
			ok: false,
			lines: [expect.stringContaining('one of the most common passwords')]
		});
		expect(await create('sarnai loves her class')).toEqual({
			ok: false,
			lines: [expect.stringContaining('part of the email address or of the teacher’s name')]
		});
		expect(await create('abcabcabcabc')).toEqual({
			ok: false,
			lines: [expect.stringContaining('only repeated or sequential characters')]
		});
		expect(await runAdminCommand(database.db, { command: 'list' })).toEqual({
			ok: true,
			lines: ['No teacher accounts yet.']
		});
	});

	it('applies the same rules to a new password, with the account’s own name', async () => {
		expect((await create('blue tent over the river')).ok).toBe(true);
		const reset = (password: string) =>
			runAdminCommand(database.db, { command: 'reset-password', email: 'sarnai.bat@school.mn', password });
		expect((await reset('Сарнай grows tulips')).lines[0]).toContain('teacher’s name');
		expect((await reset('iloveyou2026!')).lines[0]).toContain('most common passwords');
		expect(await reset('green felt under a lamp')).toMatchObject({ ok: true });
	});
});

describe('the admin command line', () => {
	const dir = mkdtempSync(join(tmpdir(), 'alkham-admin-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('prints the reason for a refused password and exits with 1', async () => {
		const stdout = new PassThrough();
		const stderr = new PassThrough();
		const io = {
			stdin: Readable.from(['qwertyuiop2026\n']),
			stdout,
			stderr,
			env: { DATA_DIR: dir }
		} as unknown as CliIo;
		const status = await main(['create', 'anar@school.mn', 'Анар'], io);
		expect(status).toBe(1);
		expect(String(stderr.read())).toMatch(/most common passwords/);
		expect(stdout.read()).toBeNull();
	});
});
