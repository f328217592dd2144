import { beforeEach, describe, expect, test } from 'vitest';
import type { AlkhamDatabase } from '$lib/learner/db';
import { freshDeviceDb } from '$lib/testing/device-db';
import { currentClass, joinClass, leaveClass } from './membership';

let database: AlkhamDatabase;

beforeEach(() => {
	database = freshDeviceDb();
});

const cls = { code: 'ABC234', name: 'Parents, group 3', teacherName: 'Сарнай багш' };

describe('class membership on the device', () => {
	test('has no class until the learner joins one', async () => {
		expect(await currentClass('p1')).toBeUndefined();
	});

	test('stores the class under the learner’s profile, with the time of joining', async () => {
		await joinClass('p1', cls, new Date('2026-11-24T03:00:00Z'));
		expect(await currentClass('p1')).toEqual({ ...cls, joinedAt: '2026-11-24T03:00:00.000Z' });
		expect((await database.device.get('class:p1'))?.value).toMatchObject({ code: 'ABC234' });
	});

	test('keeps each learner’s class apart on a shared device', async () => {
		await joinClass('p1', cls);
		expect(await currentClass('p2')).toBeUndefined();
	});

	test('replaces the class when the learner joins another, and forgets it on leaving', async () => {
		await joinClass('p1', cls);
		await joinClass('p1', { ...cls, code: 'XYZ789', name: 'Другой' });
		expect((await currentClass('p1'))?.code).toBe('XYZ789');
		await leaveClass('p1');
		expect(await currentClass('p1')).toBeUndefined();
	});
});
