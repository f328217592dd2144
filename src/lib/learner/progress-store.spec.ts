import { beforeEach, describe, expect, test } from 'vitest';
import { freshDevice } from '$lib/testing/device-db';
import { allEvents, courseEvents, recordEvent } from './progress-store';

beforeEach(() => {
	freshDevice();
});

describe('progress store', () => {
	test('appends events in device order and never replaces them', async () => {
		const base = { profileId: 'p1', courseId: 'c', lessonId: 'l' };
		await recordEvent({ ...base, kind: 'step-viewed', step: 0 });
		await recordEvent({ ...base, kind: 'lesson-done' });
		await recordEvent({ ...base, kind: 'step-viewed', step: 0 });
		const events = await courseEvents('p1', 'c');
		expect(events.map((e) => e.kind)).toEqual(['step-viewed', 'lesson-done', 'step-viewed']);
		expect(new Set(events.map((e) => e.id)).size).toBe(3);
	});

	test('keeps each learner’s events apart', async () => {
		await recordEvent({ profileId: 'p1', courseId: 'c', lessonId: 'l', kind: 'lesson-done' });
		await recordEvent({ profileId: 'p2', courseId: 'c', lessonId: 'l', kind: 'step-viewed', step: 1 });
		expect((await allEvents('p1')).map((e) => e.kind)).toEqual(['lesson-done']);
		expect((await allEvents('p2')).map((e) => e.kind)).toEqual(['step-viewed']);
	});

	test('stamps each event with a time and a random id', async () => {
		const row = await recordEvent({
			profileId: 'p',
			courseId: 'c',
			lessonId: 'l',
			kind: 'step-done',
			step: 2
		});
		expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(Number.isNaN(Date.parse(row.at))).toBe(false);
	});
});
