import { beforeEach, describe, expect, test } from 'vitest';
import type { AlkhamDatabase } from '$lib/learner/db';
import { freshDeviceDb } from '$lib/testing/device-db';
import { DEFAULT_PREFERENCES } from './settings';
import { readSettings, writeSettings } from './settings-store';

let database: AlkhamDatabase;

beforeEach(() => {
	database = freshDeviceDb();
});

describe('settings store', () => {
	test('reads nothing on a device where no settings were saved', async () => {
		expect(await readSettings('p1')).toEqual({ learner: undefined, device: undefined });
	});

	test("saves a learner's settings and makes them the device's last-used ones", async () => {
		const big = { ...DEFAULT_PREFERENCES, textSize: 200 as const };
		await writeSettings('p1', big);
		expect(await readSettings('p1')).toEqual({ learner: big, device: big });
	});

	test("keeps each learner's settings apart; the device remembers the last one used", async () => {
		const big = { ...DEFAULT_PREFERENCES, textSize: 200 as const };
		const dark = { ...DEFAULT_PREFERENCES, theme: 'dark' as const };
		await writeSettings('p1', big);
		await writeSettings('p2', dark);
		expect(await readSettings('p1')).toEqual({ learner: big, device: dark });
		expect(await readSettings('p2')).toEqual({ learner: dark, device: dark });
	});

	test('saves only the device record when no learner is open', async () => {
		const big = { ...DEFAULT_PREFERENCES, textSize: 150 as const };
		await writeSettings(null, big);
		expect(await readSettings(null)).toEqual({ learner: undefined, device: big });
		expect(await database.settings.count()).toBe(1);
	});
});
