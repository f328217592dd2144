import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { classifyStorageError } from './storage-errors';

describe('classifyStorageError', () => {
	test('recognises a full disk inside a Dexie error', () => {
		const inner = new DOMException('full', 'QuotaExceededError');
		expect(classifyStorageError(new Dexie.AbortError('aborted', inner))).toBe('quota');
	});
	test('recognises a database closed by another tab upgrading it', () => {
		expect(classifyStorageError(new Dexie.DatabaseClosedError('closed'))).toBe('upgraded');
	});
	test('recognises a database that a newer version upgraded', () => {
		expect(classifyStorageError(new Dexie.VersionError('old'))).toBe('upgraded');
	});
	test('recognises an upgrade blocked by an older tab', () => {
		expect(classifyStorageError(Object.assign(new Error('blocked'), { name: 'BlockedError' }))).toBe(
			'blocked'
		);
	});
	test('recognises a browser without IndexedDB', () => {
		expect(classifyStorageError(new Dexie.MissingAPIError('none'))).toBe('unavailable');
	});
	test('recognises a browser that refuses to open the database, which Dexie reports as closed', () => {
		const refused = new DOMException('private browsing', 'InvalidStateError');
		expect(classifyStorageError(new Dexie.DatabaseClosedError(refused))).toBe('unavailable');
		expect(classifyStorageError(new Dexie.DatabaseClosedError(new Dexie.VersionError('old')))).toBe(
			'upgraded'
		);
	});
	test('falls back to unknown', () => {
		expect(classifyStorageError(new Error('x'))).toBe('unknown');
		expect(classifyStorageError(undefined)).toBe('unknown');
	});
});
