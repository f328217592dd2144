import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Course } from '$lib/content/types';
import { openDatabase, type DatabaseHandle } from '../db';

export interface TestDatabase extends DatabaseHandle {
	/** Empties every table, keeping the schema. */
	reset(): Promise<void>;
	/** Closes the database and removes its files. */
	dispose(): Promise<void>;
}

/**
 * The databases server tests run against: embedded PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). Use with `describe.each(testDatabases())`.
 */
export function testDatabases(): { name: string; open: () => Promise<TestDatabase> }[] {
	const all = [
		{
			name: 'PGlite',
			open: async () => {
				const dir = mkdtempSync(join(tmpdir(), 'alkham-test-'));
				const handle = await openDatabase({ DATA_DIR: dir });
				return wrap(handle, () => rmSync(dir, { recursive: true, force: true }));
			}
		}
	];
	const url = process.env.TEST_DATABASE_URL;
	if (url)
		all.push({
			name: 'PostgreSQL',
			open: async () => wrap(await openDatabase({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' }), () => {})
		});
	return all;
}

async function wrap(handle: DatabaseHandle, cleanup: () => void): Promise<TestDatabase> {
	const reset = async () => {
		const { rows } = (await handle.db.execute(
			sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`
		)) as unknown as { rows: { tablename: string }[] };
		const tables = rows.map((r) => `"${r.tablename}"`).join(', ');
		if (tables) await handle.db.execute(sql.raw(`TRUNCATE ${tables} CASCADE`));
	};
	await reset();
	return {
		...handle,
		reset,
		dispose: async () => {
			await handle.close();
			cleanup();
		}
	};
}

const text = (s: string) => ({ mn: `${s} (мн)`, en: s });

/** A small course for server tests, independent of the real lessons. */
export const testCourse: Course = {
	id: 'test-course',
	version: 2,
	title: text('Test course'),
	description: text('A course for tests'),
	lessons: ['one', 'two'].map((id) => ({ id, title: text(id), description: text(id), steps: [] }))
};

/**
 * A valid certificate request for `testCourse`, completed on the first day of Alkham's courses
 * (no completion may be earlier: COURSES_FIRST_PUBLISHED in certificates/issue-certificate.ts).
 */
export function certificateRequest(overrides: Record<string, unknown> = {}) {
	return {
		learner: { id: crypto.randomUUID(), name: 'Болд' },
		courseId: 'test-course',
		completedAt: '2026-11-24T10:00:00.000Z',
		lessons: [
			{ lessonId: 'one', completedAt: '2026-11-24T09:00:00.000Z' },
			{ lessonId: 'two', completedAt: '2026-11-24T10:00:00.000Z', score: 100 }
		],
		locale: 'mn' as const,
		...overrides
	};
}
