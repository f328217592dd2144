import { describe, expect, test } from 'vitest';
import { formatLongDate } from './format-date';

const date = '2025-03-07T10:00:00.000Z';

describe('formatLongDate', () => {
	test('writes an English long date', () => {
		expect(formatLongDate(date, 'en', 'UTC')).toBe('7 March 2025');
	});
	test('writes the Mongolian long date in the CLDR pattern, whatever the runtime’s locale data', () => {
		expect(formatLongDate(date, 'mn', 'UTC')).toBe('2025 оны 3-р сарын 7');
		expect(formatLongDate(new Date('2026-11-24T12:00:00Z'), 'mn', 'UTC')).toBe('2026 оны 11-р сарын 24');
	});
});
