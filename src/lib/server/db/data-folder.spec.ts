import { spawn, spawnSync } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
	DataFolderError,
	LOCK_FILE,
	lockDataFolder,
	prepareDataFolder,
	type LockHolder
} from './data-folder';
import { DatabaseConfigError, openDatabase } from './index';

const children: { kill(): void }[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill();
});

function newFolder() {
	const dir = mkdtempSync(join(tmpdir(), 'alkham-data-'));
	return join(dir, 'data');
}

const mode = (path: string) => statSync(path).mode & 0o777;

function writeHolder(dir: string, holder: Partial<LockHolder>) {
	mkdirSync(dir, { recursive: true });
	const full = {
		host: hostname(),
		since: '2026-01-01T00:00:00.000Z',
		command: 'node scripts/serve.js',
		...holder
	};
	writeFileSync(join(dir, LOCK_FILE), JSON.stringify(full));
}

/** A process that runs until the test ends. */
function liveProcess(): number {
	const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
	children.push(child);
	return child.pid!;
}

/** The number of a process that has ended. */
function deadPid(): number {
	return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
}

describe('prepareDataFolder', () => {
	test('creates the folder readable by its owner only', () => {
		const dir = newFolder();
		prepareDataFolder(dir);
		expect(mode(dir)).toBe(0o700);
	});

	test('tightens a folder and files that others could read, as PGlite leaves them', () => {
		const dir = newFolder();
		mkdirSync(join(dir, 'base'), { recursive: true, mode: 0o755 });
		chmodSync(dir, 0o755);
		writeFileSync(join(dir, 'base', 'key'), 'secret', { mode: 0o666 });
		chmodSync(join(dir, 'base', 'key'), 0o666);
		prepareDataFolder(dir);
		expect(mode(dir)).toBe(0o700);
		expect(mode(join(dir, 'base'))).toBe(0o700);
		expect(mode(join(dir, 'base', 'key'))).toBe(0o600);
	});

	test('refuses a path that is a file, saying so', () => {
		const dir = newFolder();
		mkdirSync(join(dir, '..'), { recursive: true });
		writeFileSync(dir, '');
		expect(() => prepareDataFolder(dir)).toThrow(/is not a folder/);
	});
});

describe('lockDataFolder', () => {
	const folder = () => {
		const dir = newFolder();
		mkdirSync(dir);
		return dir;
	};

	test('a live holder keeps the folder, and the refusal names it', () => {
		const dir = folder();
		const pid = liveProcess();
		writeHolder(dir, { pid });
		const refusal = (() => {
			try {
				lockDataFolder(dir);
			} catch (error) {
				return error as Error;
			}
		})();
		expect(refusal).toBeInstanceOf(DataFolderError);
		expect(refusal?.message).toContain(`process ${pid} on ${hostname()} (node scripts/serve.js)`);
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(pid);
	});

	test('a lock left by a process that died is taken over', () => {
		const dir = folder();
		writeHolder(dir, { pid: deadPid() });
		const lock = lockDataFolder(dir);
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
		lock.release();
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	});

	test('a pid that now belongs to another program does not keep the folder', () => {
		const dir = folder();
		const pid = liveProcess();
		writeHolder(dir, { pid, processStart: '1' });
		const lock = lockDataFolder(dir);
		expect(lock.holder.pid).toBe(process.pid);
		lock.release();
	});

	test('a half-written lock from a crash long ago is taken over', () => {
		const dir = folder();
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, LOCK_FILE), '{"pid":');
		const old = new Date(Date.now() - 60_000);
		utimesSync(join(dir, LOCK_FILE), old, old);
		const lock = lockDataFolder(dir);
		expect(lock.holder.pid).toBe(process.pid);
		lock.release();
	});

	test('releasing leaves a lock that is no longer ours alone', () => {
		const dir = folder();
		const lock = lockDataFolder(dir);
		const pid = liveProcess();
		writeHolder(dir, { pid });
		lock.release();
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(pid);
	});
});

describe('openDatabase on the embedded database', () => {
	test('one process at a time: a second open of the same folder is refused, then allowed after close', async () => {
		const dir = newFolder();
		const first = await openDatabase({ DATA_DIR: dir });
		await expect(openDatabase({ DATA_DIR: dir })).rejects.toThrow(DatabaseConfigError);
		expect(mode(dir)).toBe(0o700);
		await first.close();
		const again = await openDatabase({ DATA_DIR: dir });
		await again.close();
	}, 60_000);

	test('a damaged database stops with a message that says what to do, and frees the folder', async () => {
		const dir = newFolder();
		const handle = await openDatabase({ DATA_DIR: dir });
		await handle.close();
		writeFileSync(join(dir, 'global', 'pg_control'), 'damaged');
		const error = await openDatabase({ DATA_DIR: dir }).catch((e) => e);
		expect(error).toBeInstanceOf(DatabaseConfigError);
		expect(error.message).toMatch(/cannot be opened .*restore the folder from a backup/s);
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	}, 60_000);
});
