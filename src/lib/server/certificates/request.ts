import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid('must be a UUID'));

/** An ISO-8601 date and time, in the forms valibot's isoTimestamp accepts, taken apart. */
const TIMESTAMP =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z| ?([+-])(\d{2})(?::?(\d{2}))?)$/;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
	month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];

/**
 * The instant an ISO-8601 timestamp names, in milliseconds since 1970, or undefined when it names
 * no real instant: a day the month does not have (V8's Date.parse takes 2026-02-30 for 2 March,
 * and PostgreSQL then refuses it), a year outside 0001–9999 (PostgreSQL has no year 0), an hour
 * past 23, an offset past ±23:59.
 */
export function timestampMs(text: string): number | undefined {
	const parts = TIMESTAMP.exec(text);
	if (!parts) return undefined;
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const offsetHours = Number(parts[9] ?? 0);
	const offsetMinutes = Number(parts[10] ?? 0);
	if (offsetHours > 23 || offsetMinutes > 59) return undefined;
	const date = new Date(0);
	// setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, Number((parts[7] ?? '0').padEnd(3, '0').slice(0, 3)));
	const offset = (parts[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
	return date.getTime() - offset;
}

const IsoDate = v.pipe(
	v.string(),
	v.isoTimestamp('must be an ISO-8601 date and time'),
	v.check((s) => timestampMs(s) !== undefined, 'must be a real date and time (years 0001–9999)')
);
// Display names are shown on certificates and teacher pages: printable text only.
const DisplayName = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'must not be empty'),
	v.maxLength(80, 'must be at most 80 characters'),
	v.regex(/^[^\p{C}]+$/u, 'must not contain control characters')
);

/** The body of POST /api/v1/certificates (see docs/server.md). */
export const CertificateRequestSchema = v.strictObject({
	learner: v.strictObject({ id: Uuid, name: DisplayName }),
	courseId: v.pipe(v.string(), v.maxLength(100)),
	completedAt: IsoDate,
	lessons: v.pipe(
		v.array(
			v.strictObject({
				lessonId: v.pipe(v.string(), v.maxLength(100)),
				completedAt: IsoDate,
				score: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100)))
			})
		),
		v.minLength(1, 'must list the completed lessons'),
		v.maxLength(100)
	),
	locale: v.picklist(['mn', 'en']),
	classCode: v.optional(v.pipe(v.string(), v.regex(/^[A-Z2-9]{4,10}$/, 'must be a class join code')))
});

export type CertificateRequest = v.InferOutput<typeof CertificateRequestSchema>;

/** A stable text of the request, for comparing replays: key order does not matter. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(value);
}
