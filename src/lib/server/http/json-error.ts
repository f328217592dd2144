import { json } from '@sveltejs/kit';

/** Every API error has this shape: `{ error: { code, message } }`. */
export function jsonError(status: number, code: string, message: string, headers?: Record<string, string>) {
	return json({ error: { code, message } }, { status, headers });
}
