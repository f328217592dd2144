/**
 * An API answer before it is sent: the same value becomes a web `Response` in SvelteKit routes
 * (`toResponse`) or is written straight to Node's response by a direct route (certificates/direct-route.ts).
 */
export interface ApiResult {
	status: number;
	/** Always JSON. */
	body: string;
	headers?: Record<string, string>;
}

/** Every API error has this shape: `{ error: { code, message } }`. */
export function apiError(
	status: number,
	code: string,
	message: string,
	headers?: Record<string, string>
): ApiResult {
	return { status, body: JSON.stringify({ error: { code, message } }), headers };
}

export function toResponse(result: ApiResult): Response {
	return new Response(result.body, {
		status: result.status,
		headers: { ...result.headers, 'content-type': 'application/json' }
	});
}
