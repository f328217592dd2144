import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabase } from '../testing/test-databases';
import { createTeacher, findTeacherByEmail } from './accounts';
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

describe.each(testDatabases())('npm run admin grants and revokes the approver role on $name', ({ open }) => {
	let database: TestDatabase;

	beforeAll(async () => {
		database = await open();
	});
	afterAll(async () => {
		await database?.dispose();
	});
	beforeEach(() => database.reset());

	const run = (command: 'grant-approver' | 'revoke-approver', email: string) =>
		runAdminCommand(database.db, { command, email });
	const isApprover = async () => (await findTeacherByEmail(database.db, 'oyun@school.mn'))?.approver;

	it('makes a teacher an approver, lists the role, and takes it back', async () => {
		await createTeacher(database.db, {
			email: 'oyun@school.mn',
			name: 'Оюун',
			password: 'blue tent over the river'
		});
		expect(await isApprover()).toBe(false);
		expect(await run('grant-approver', 'Oyun@School.mn ')).toEqual({
			ok: true,
			lines: ['oyun@school.mn (Оюун) is now an approver: may publish, reject and confirm narration.']
		});
		expect(await isApprover()).toBe(true);
		expect((await runAdminCommand(database.db, { command: 'list' })).lines[0]).toMatch(
			/oyun@school\.mn.*, approver\)$/
		);
		expect((await run('revoke-approver', 'oyun@school.mn')).lines[0]).toContain('no longer an approver');
		expect(await isApprover()).toBe(false);
		expect((await runAdminCommand(database.db, { command: 'list' })).lines[0]).not.toContain('approver');
	});

	it('refuses an unknown account and changes nothing', async () => {
		expect(await run('grant-approver', 'nobody@school.mn')).toEqual({
			ok: false,
			lines: [expect.stringContaining('There is no account with this email')]
		});
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

	it('grants the approver role from the command line, and says how when the command is incomplete', async () => {
		const io = (stdin = '') => {
			const stdout = new PassThrough();
			const stderr = new PassThrough();
			return { stdin: Readable.from([stdin]), stdout, stderr, env: { DATA_DIR: dir } } as unknown as CliIo & {
				stdout: PassThrough;
				stderr: PassThrough;
			};
		};
		const create = io('blue tent over the river\n');
		expect(await main(['create', 'tuya@school.mn', 'Туяа'], create)).toBe(0);
		const grant = io();
		expect(await main(['grant-approver', 'tuya@school.mn'], grant)).toBe(0);
		expect(String(grant.stdout.read())).toContain('is now an approver');
		const incomplete = io();
		expect(await main(['grant-approver'], incomplete)).toBe(1);
		expect(String(incomplete.stderr.read())).toContain('grant-approver <email>');
	});
});
