import { describe, expect, test } from 'vitest';
import { MIRROR_KEY, readMirror, writeMirror } from './device-mirror';
import { DEFAULT_PREFERENCES } from './settings';

function memoryStorage(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		data
	};
}

describe('device mirror', () => {
	test('round-trips the settings and whose they are', () => {
		const storage = memoryStorage();
		const preferences = { ...DEFAULT_PREFERENCES, textSize: 175 as const };
		writeMirror(storage, { preferences, profileId: 'p1' });
		expect(readMirror(storage)).toEqual({ preferences, profileId: 'p1' });
	});

	test('reads nothing when nothing was stored or there is no storage', () => {
		expect(readMirror(memoryStorage())).toBeUndefined();
		expect(readMirror(undefined)).toBeUndefined();
	});

	test('ignores a damaged record instead of throwing', () => {
		expect(readMirror(memoryStorage({ [MIRROR_KEY]: '{not json' }))).toBeUndefined();
		expect(readMirror(memoryStorage({ [MIRROR_KEY]: '"text"' }))).toBeUndefined();
	});

	test('repairs invalid fields with their defaults', () => {
		const storage = memoryStorage({
			[MIRROR_KEY]: JSON.stringify({ preferences: { textSize: 999, theme: 'dark' } })
		});
		expect(readMirror(storage)).toEqual({ preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' } });
	});

	test('survives a storage that refuses writes or reads', () => {
		const refusing = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(() => writeMirror(refusing, { preferences: { ...DEFAULT_PREFERENCES } })).not.toThrow();
		expect(readMirror(refusing)).toBeUndefined();
	});
});
