import * as v from 'valibot';
import { TextSchema } from '../../content/schema';

const Id = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lower-case words joined by hyphens')
);
const FileName = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.pdf$/u, 'must be a file name like reference.pdf')
);

/**
 * "Get a reference": the learner finds a service in a practice list (searching or browsing), requests
 * the reference, saves (downloads) the document and opens it from the downloaded files. The document is
 * a made-up sample, clearly labelled, holding no real person's data.
 */
export const referenceRequestParams = v.pipe(
	v.strictObject({
		/** Why the learner needs the reference, e.g. "Your bank asks for an address reference." */
		scenario: TextSchema,
		/** The address the practice site shows. */
		address: v.pipe(v.string(), v.regex(/^https:\/\/[a-z0-9.-]+(?:\/[^\s]*)?$/u, 'must be a web address')),
		services: v.pipe(
			v.array(
				v.strictObject({
					id: Id,
					name: TextSchema,
					description: TextSchema,
					/** Other words the service is found by (e.g. the English word on the Mongolian page). */
					keywords: v.optional(TextSchema)
				})
			),
			v.minLength(3, 'needs at least three services'),
			v.check((list) => new Set(list.map((s) => s.id)).size === list.length, 'service ids must be unique')
		),
		/** The id of the service the learner must find. */
		target: Id,
		document: v.strictObject({
			title: TextSchema,
			fileName: FileName,
			/** What the sample document shows, as label and value (made-up, never real data). */
			fields: v.pipe(v.array(v.strictObject({ label: TextSchema, value: TextSchema })), v.minLength(1))
		}),
		/** Files already on the device, so the learner must find the one just saved. */
		otherFiles: v.pipe(v.array(FileName), v.minLength(1, 'needs at least one other file')),
		/** Given after a wrong try. */
		hint: TextSchema
	}),
	v.check((p) => p.services.some((s) => s.id === p.target), 'target must be the id of one of the services'),
	v.check(
		(p) => !p.otherFiles.includes(p.document.fileName),
		'otherFiles must not include the document itself'
	)
);
