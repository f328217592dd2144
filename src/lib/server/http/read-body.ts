/** The largest request body the API accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

// Shared: without `stream`, every decode() starts afresh, and `fatal` refuses malformed UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'unreadable' };

/**
 * Reads a request body as UTF-8, refusing more than `limit` bytes — by Content-Length before
 * reading, and by counting while reading, so a client cannot lie its way past the limit.
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyResult> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: 'too-large' };
	if (!request.body) return { ok: true, text: '' };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > limit) {
				await reader.cancel().catch(() => {});
				return { ok: false, reason: 'too-large' };
			}
			chunks.push(value);
		}
	} catch {
		return { ok: false, reason: 'unreadable' };
	}
	return decodeBody(chunks, total);
}

/** Joins the chunks of a body (`total` bytes in all) and decodes them as strict UTF-8. */
export function decodeBody(chunks: readonly Uint8Array[], total: number): BodyResult {
	const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(total);
	if (chunks.length > 1) {
		let offset = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, offset);
			offset += chunk.byteLength;
		}
	}
	try {
		return { ok: true, text: utf8.decode(bytes) };
	} catch {
		return { ok: false, reason: 'unreadable' };
	}
}
