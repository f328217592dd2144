import { describe, expect, test } from 'vitest';
import { WARNING_MS, idlePhase, warningLead } from './idle-rules';

const TEN_MINUTES = 10 * 60_000;

describe('idle lock rules', () => {
	test('looks again when the warning is due', () => {
		expect(idlePhase(0, TEN_MINUTES)).toEqual({ phase: 'active', checkInMs: TEN_MINUTES - WARNING_MS });
		expect(idlePhase(60_000, TEN_MINUTES)).toEqual({
			phase: 'active',
			checkInMs: TEN_MINUTES - WARNING_MS - 60_000
		});
	});

	test('warns a minute before the lock, which is more than the 20 seconds required', () => {
		expect(WARNING_MS).toBeGreaterThanOrEqual(20_000);
		expect(idlePhase(TEN_MINUTES - WARNING_MS, TEN_MINUTES)).toEqual({
			phase: 'warning',
			checkInMs: WARNING_MS
		});
	});

	test('locks once the whole time has passed, however late the check runs', () => {
		expect(idlePhase(TEN_MINUTES, TEN_MINUTES)).toEqual({ phase: 'lock' });
		expect(idlePhase(5 * TEN_MINUTES, TEN_MINUTES)).toEqual({ phase: 'lock' });
	});

	test('warns halfway for very short timeouts', () => {
		expect(warningLead(60_000)).toBe(30_000);
		expect(warningLead(TEN_MINUTES)).toBe(WARNING_MS);
	});
});
