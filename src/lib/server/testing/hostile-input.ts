import fc from 'fast-check';

/**
 * What fuzz tests of the API send: dates and names a device — or someone posing as one — might
 * put in a certificate request. Every answer to them must be a 2xx or a 4xx, never a 5xx.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Dates: impossible, far out of range, or real. */
export const hostileDate = fc.oneof(
	// Any digits in the right places: a day the month lacks, month 13, year 0 or 10000, hour 24…
	fc
		.tuple(
			// This year often: its impossible days (30 February, 31 November) fall near the accepted range.
			fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(new Date().getUTCFullYear())),
			fc.integer({ min: 0, max: 13 }),
			fc.oneof(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 29, max: 31 })),
			fc.integer({ min: 0, max: 24 }),
			fc.integer({ min: 0, max: 60 }),
			fc.integer({ min: 0, max: 60 }),
			fc.constantFrom('Z', '.5Z', '+08:00', ' -0530', '+24:00', '-23:59', '')
		)
		.map(
			([y, mo, d, h, mi, sec, zone]) =>
				`${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}${zone}`
		),
	// The last days of months since the courses began: some are real, some (31 November) are not.
	fc
		.tuple(
			fc.integer({ min: 2026, max: new Date().getUTCFullYear() }),
			fc.integer({ min: 1, max: 12 }),
			fc.integer({ min: 28, max: 31 })
		)
		.map(([y, mo, d]) => `${y}-${pad(mo, 2)}-${pad(d, 2)}T10:00:00Z`),
	// Real instants anywhere in JavaScript's range (years ±275760 are written with six digits).
	fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
	fc.constantFrom(
		'2026-02-30T10:00:00Z',
		'0000-01-01T00:00:00Z',
		'10000-01-01T00:00:00Z',
		'1970-01-01T00:00:00Z',
		'9999-12-31T23:59:59Z',
		'2026-11-23T23:59:59.999Z'
	)
);

/**
 * Real dates from `since` until now, written in every form the server takes: an offset, a space
 * before it, up to nine decimals.
 */
export const acceptedDate = (since: string) =>
	fc
		.tuple(
			fc.integer({ min: Date.parse(since), max: Date.now() }),
			fc.integer({ min: -12 * 60, max: 14 * 60 }),
			fc.constantFrom('T', ' '),
			fc.constantFrom('', '.1', '.123', '.123456', '.123456789'),
			fc.boolean()
		)
		.map(([ms, offset, separator, fraction, colon]) => {
			const local = new Date(ms + offset * 60_000).toISOString();
			const sign = offset < 0 ? '-' : '+';
			const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60), 2)}${colon ? ':' : ''}${pad(Math.abs(offset) % 60, 2)}`;
			return `${local.slice(0, 10)}${separator}${local.slice(11, 19)}${fraction}${zone}`;
		});

/** Names: combining marks, right-to-left marks, emoji (with joiners), and far too long. */
export const hostileName = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 90 }),
	fc.string({ unit: 'grapheme-composite', maxLength: 90 }),
	fc.string({ unit: 'binary', minLength: 60, maxLength: 120 }),
	fc.constantFrom(
		'Болд',
		'Бо\u0301лд',
		'a\u0300\u0301\u0302\u0303\u0304'.repeat(16),
		'\u200fБолд',
		'\u202eдлоБ',
		'\u061cمحمد',
		'שלום',
		'Болд 👩‍💻',
		'👨‍👩‍👧‍👦',
		'😀'.repeat(40),
		'😀'.repeat(41),
		'Ж'.repeat(80),
		'Ж'.repeat(81),
		'Ж'.repeat(20_000),
		'   ',
		'Болд\u0000'
	)
);
