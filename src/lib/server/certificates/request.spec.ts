import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { certificateRequest } from '../testing/test-databases';
import { CertificateRequestSchema, timestampMs } from './request';

describe('timestamps in a certificate request', () => {
	test.each([
		['2026-11-24T10:00:00.000Z', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24T10:00:00Z', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24 10:00:00Z', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24T18:00:00+08:00', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24T18:00:00+0800', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24T18:00:00 +08', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24T05:30:00-04:30', Date.UTC(2026, 10, 24, 10)],
		['2026-11-24T10:00:00.123456789Z', Date.UTC(2026, 10, 24, 10, 0, 0, 123)],
		['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
		['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
		['9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59)]
	])('%s is a real instant', (text, ms) => {
		expect(timestampMs(text)).toBe(ms);
	});

	test('the years 0001–0099 are not read as 1901–1999', () => {
		expect(new Date(timestampMs('0001-01-01T00:00:00Z')!).toISOString()).toBe('0001-01-01T00:00:00.000Z');
	});

	test.each([
		'2026-02-30T10:00:00Z', // V8's Date.parse takes it for 2 March
		'2026-02-29T10:00:00Z',
		'1900-02-29T10:00:00Z',
		'2026-04-31T10:00:00Z',
		'2026-00-10T10:00:00Z',
		'2026-13-10T10:00:00Z',
		'2026-01-00T10:00:00Z',
		'0000-01-01T00:00:00Z', // PostgreSQL has no year 0
		'10000-01-01T00:00:00Z',
		'+010000-01-01T00:00:00Z',
		'2026-01-01T24:00:00Z',
		'2026-01-01T10:60:00Z',
		'2026-01-01T10:00:60Z', // no leap seconds
		'2026-01-01T10:00:00+24:00',
		'2026-01-01T10:00:00+05:60',
		'2026-01-01T10:00:00', // no zone: whose 10 o'clock?
		'2026-01-01',
		'next Tuesday',
		''
	])('%s is refused', (text) => {
		expect(timestampMs(text)).toBeUndefined();
	});

	test('every instant from year 1 to 9999 written by toISOString reads back the same', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('0001-01-01T00:00:00Z'),
					max: new Date('9999-12-31T23:59:59.999Z'),
					noInvalidDate: true
				}),
				(date) => {
					expect(timestampMs(date.toISOString())).toBe(date.getTime());
				}
			)
		);
	});

	test.each(['2026-02-30T10:00:00Z', '0000-01-01T00:00:00Z', '10000-01-01T00:00:00Z'])(
		'%s is a 400 in any date field of the body, naming the field',
		(date) => {
			const lessons = certificateRequest().lessons;
			for (const [field, body] of [
				['completedAt', certificateRequest({ completedAt: date })],
				[
					'lessons.1.completedAt',
					certificateRequest({ lessons: [lessons[0], { ...lessons[1], completedAt: date }] })
				]
			] as const) {
				const parsed = v.safeParse(CertificateRequestSchema, body);
				expect(parsed.success).toBe(false);
				if (!parsed.success) expect(v.getDotPath(parsed.issues[0])).toBe(field);
			}
		}
	);
});
