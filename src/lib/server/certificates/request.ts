import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid('must be a UUID'));
const IsoDate = v.pipe(
	v.string(),
	v.isoTimestamp('must be an ISO-8601 date and time'),
	v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a real date')
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
