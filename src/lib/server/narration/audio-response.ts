import type { NarrationAudio } from './narrations';

/** A narration's id names one recording forever, so its published audio may be cached for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * The byte range a `Range` header asks for in a body of `size` bytes (RFC 9110 §14): `bytes=a-b`,
 * `bytes=a-` or `bytes=-n` (the last n). Undefined — send the whole body — for no header, one that
 * cannot be read, another unit, or several ranges (a server may ignore Range; a media element asks
 * for one at a time). 'unsatisfiable' when the range lies outside the body.
 */
export function parseRange(header: string | null, size: number): ByteRange {
	const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header ?? '');
	if (!match || (!match[1] && !match[2])) return undefined;
	if (!match[1]) {
		const suffix = Number(match[2]);
		if (suffix === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(match[1]);
	const end = match[2] ? Number(match[2]) : size - 1;
	if (match[2] && end < start) return undefined;
	if (start >= size) return 'unsatisfiable';
	return { start, end: Math.min(end, size - 1) };
}

/**
 * A narration's audio as a response, honouring `Range` (206 with Content-Range, 416 when outside
 * the audio). `cacheControl` differs: immutable for published narration, no-store for drafts.
 * `unsatisfiable` builds the 416's body (the public API answers errors in its JSON shape).
 */
export function audioResponse(
	request: Request,
	{ mime, audio }: NarrationAudio,
	cacheControl: string,
	unsatisfiable: (headers: Record<string, string>) => Response = (headers) =>
		new Response(null, { status: 416, headers })
): Response {
	const size = audio.length;
	const headers: Record<string, string> = {
		'content-type': mime,
		'cache-control': cacheControl,
		'accept-ranges': 'bytes'
	};
	const range = parseRange(request.headers.get('range'), size);
	if (range === 'unsatisfiable') return unsatisfiable({ ...headers, 'content-range': `bytes */${size}` });
	// A fresh copy: the database driver's buffer may be a view into a larger one.
	const body = (start: number, end: number) => new Uint8Array(audio.subarray(start, end + 1));
	if (!range)
		return new Response(body(0, size - 1), {
			status: 200,
			headers: { ...headers, 'content-length': String(size) }
		});
	return new Response(body(range.start, range.end), {
		status: 206,
		headers: {
			...headers,
			'content-range': `bytes ${range.start}-${range.end}/${size}`,
			'content-length': String(range.end - range.start + 1)
		}
	});
}
