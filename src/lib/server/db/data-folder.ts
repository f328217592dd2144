import {
	chmodSync,
	closeSync,
	lstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeSync
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded database's folder (DATA_DIR) holds the issuer's private signing key and teachers'
 * password hashes, and PGlite corrupts it when two processes open it at once. This module keeps the
 * folder private to its owner and owned by one process at a time.
 */

export class DataFolderError extends Error {
	name = 'DataFolderError';
}

/** Who holds the lock: enough to tell a live holder from a dead one, and to name it in a message. */
export interface LockHolder {
	pid: number;
	host: string;
	/** When the process took the lock (ISO 8601). */
	since: string;
	/** The process's start time in clock ticks since boot (Linux /proc), so a reused pid is not mistaken for it. */
	processStart?: string;
	command: string;
}

export const LOCK_FILE = 'alkham.lock';
const TAKEOVER_FILE = 'alkham.lock.takeover';

const sameUser = (uid: number) => typeof process.getuid !== 'function' || uid === process.getuid();

/**
 * Creates the folder readable by its owner only (0700), or tightens an existing one: the folder
 * becomes 0700 and every file in it 0600, since PGlite creates its files world-readable. Refuses
 * with a clear message when the folder belongs to another user or cannot be tightened.
 */
export function prepareDataFolder(dir: string): void {
	try {
		mkdirSync(dir, { recursive: true, mode: 0o700 });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST')
			throw new DataFolderError(`DATA_DIR ${dir} is not a folder.`);
		throw new DataFolderError(`DATA_DIR ${dir} cannot be created: ${(error as Error).message}`);
	}
	const stat = statSync(dir);
	if (!stat.isDirectory()) throw new DataFolderError(`DATA_DIR ${dir} is not a folder.`);
	if (!sameUser(stat.uid))
		throw new DataFolderError(
			`DATA_DIR ${dir} belongs to another user (uid ${stat.uid}); run Alkham as that user, or give the folder to this one.`
		);
	try {
		tighten(dir);
	} catch (error) {
		throw new DataFolderError(
			`DATA_DIR ${dir} can be read by other users of this computer and cannot be made private (${(error as Error).message}). ` +
				`Make it private yourself (chmod -R go-rwx ${dir}) and start again.`
		);
	}
}

/** Removes every permission for the group and others, in the folder and below it. */
function tighten(path: string): void {
	const stat = lstatSync(path);
	if (stat.isSymbolicLink()) return;
	if (stat.isDirectory()) {
		if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
		for (const entry of readdirSync(path)) tighten(join(path, entry));
	} else if (stat.mode & 0o077) {
		chmodSync(path, stat.mode & 0o700);
	}
}

/** A process's state and start time from Linux's /proc/PID/stat, when the system has /proc. */
function procStat(pid: number): { state: string; start: string } | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { state: fields[0], start: fields[19] };
	} catch {
		return undefined;
	}
}

const processStart = (pid: number) => procStat(pid)?.start;

/** Whether the holder still runs. A holder on another computer (a shared folder) counts as running. */
export function holderRuns(holder: LockHolder): boolean {
	if (holder.host !== hostname()) return true;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
	}
	const stat = procStat(holder.pid);
	// Killed but not yet reaped by its parent: it will never write again.
	if (stat?.state === 'Z') return false;
	// The pid runs, but it may be another program that got a dead holder's number.
	return !(stat && holder.processStart && stat.start !== holder.processStart);
}

function readHolder(path: string): LockHolder | undefined {
	try {
		const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
		return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
	} catch {
		return undefined;
	}
}

/** Creates `path` only if it does not exist, with the holder in it; false if it exists. */
function createExclusive(path: string, holder: LockHolder): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx', 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, JSON.stringify(holder) + '\n');
	} finally {
		closeSync(fd);
	}
	return true;
}

function describe(holder: LockHolder): string {
	return `process ${holder.pid} on ${holder.host} (${holder.command}), running since ${holder.since}`;
}

/** A lock file whose holder has not finished writing it yet is at most this old. */
const HALF_WRITTEN_MS = 5_000;

export interface DataFolderLock {
	holder: LockHolder;
	release(): void;
}

/**
 * Takes the folder for this process: an exclusive lock file that names its holder. A lock left by a
 * process that no longer runs (killed, or the computer restarted) is taken over; a live one is not:
 * this throws a DataFolderError naming the process that owns the folder. Released by `release()`
 * and when the process exits.
 */
export function lockDataFolder(dir: string, command = process.argv.slice(1).join(' ')): DataFolderLock {
	const path = join(dir, LOCK_FILE);
	const holder: LockHolder = {
		pid: process.pid,
		host: hostname(),
		since: new Date().toISOString(),
		processStart: processStart(process.pid),
		command: command || 'node'
	};
	for (let attempt = 0; attempt < 20; attempt++) {
		if (createExclusive(path, holder)) return heldLock(path, holder);
		const current = readHolder(path);
		if (current === undefined) {
			// Being written right now, or left half-written by a crash.
			if (Date.now() - mtime(path) < HALF_WRITTEN_MS) {
				sleep(50);
				continue;
			}
		} else if (current.pid === process.pid && current.host === holder.host) {
			throw new DataFolderError(`DATA_DIR ${dir} is already open in this process.`);
		} else if (holderRuns(current)) {
			throw new DataFolderError(
				`Another Alkham server already uses the embedded database in ${dir}: ${describe(current)}. ` +
					'Stop it first (or give this one its own DATA_DIR); two servers on one database would corrupt it.'
			);
		}
		if (takeOver(dir, path, current, holder)) return heldLock(path, holder);
		sleep(50);
	}
	throw new DataFolderError(`DATA_DIR ${dir} could not be locked: ${path} keeps changing.`);
}

/**
 * Replaces a dead holder's lock. Only one process may do this at a time (a second exclusive file),
 * and only while the lock still names the dead holder, so two servers starting together after a
 * crash never both win.
 */
function takeOver(dir: string, path: string, dead: LockHolder | undefined, holder: LockHolder): boolean {
	const takeoverPath = join(dir, TAKEOVER_FILE);
	if (!createExclusive(takeoverPath, holder)) {
		const other = readHolder(takeoverPath);
		// A take-over left by a process that died during it is cleared; the next attempt retries.
		if ((other && !holderRuns(other)) || (!other && Date.now() - mtime(takeoverPath) >= HALF_WRITTEN_MS))
			rmSync(takeoverPath, { force: true });
		return false;
	}
	try {
		const now = readHolder(path);
		if (JSON.stringify(now) !== JSON.stringify(dead)) return false;
		const fresh = `${path}.${process.pid}`;
		rmSync(fresh, { force: true });
		if (!createExclusive(fresh, holder)) return false;
		renameSync(fresh, path);
		return true;
	} finally {
		rmSync(takeoverPath, { force: true });
	}
}

function heldLock(path: string, holder: LockHolder): DataFolderLock {
	const release = () => {
		process.off('exit', release);
		// Only remove the lock while it is still this process's own.
		if (JSON.stringify(readHolder(path)) === JSON.stringify(holder)) rmSync(path, { force: true });
	};
	process.on('exit', release);
	return { holder, release };
}

function mtime(path: string): number {
	try {
		return statSync(path).mtimeMs;
	} catch {
		return 0;
	}
}

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
