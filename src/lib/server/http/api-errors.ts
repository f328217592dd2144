import type { Handle, RequestEvent } from '@sveltejs/kit';
import { apiError, toResponse, type ApiResult } from './api-result';
import { answerFailure } from './server-errors';

/** The JSON API's addresses: every answer there is JSON, errors included. */
export function isApiPath(pathname: string): boolean {
	return pathname === '/api' || pathname.startsWith('/api/');
}

const internalError = (): ApiResult =>
	apiError(500, 'internal_error', 'The server could not answer. Please try again later.');

/**
 * An API route handler that never throws: a database error that reveals bad input becomes a 4xx,
 * anything else a 500 in the API's shape, logged once with the route (not the request).
 */
export function apiRoute<Event extends RequestEvent>(
	handler: (event: Event) => Response | Promise<Response>
) {
	return async (event: Event): Promise<Response> => {
		try {
			return await handler(event);
		} catch (error) {
			return toResponse(answerFailure(`${event.request.method} ${event.route.id}`, error, internalError));
		}
	};
}

/** The code of an error SvelteKit answered by itself, by its status. */
const CODES: Record<number, [string, string]> = {
	400: ['bad_request', 'The request could not be understood.'],
	403: ['forbidden', 'This request is not allowed.'],
	404: ['not_found', 'There is no API endpoint at this address.'],
	413: ['body_too_large', 'The request body is too large.'],
	415: ['unsupported_media_type', 'This media type is not accepted here.']
};

/** Whether a response already is an API error: JSON of the shape `{ error: { code, message } }`. */
async function isApiError(response: Response): Promise<boolean> {
	if (!response.headers.get('content-type')?.startsWith('application/json')) return false;
	try {
		const body = await response.clone().json();
		return typeof body?.error?.code === 'string' && typeof body.error.message === 'string';
	} catch {
		return false;
	}
}

/** SvelteKit's own error answer (a plain-text 405, an HTML 404 page…) as an API error. */
function asApiError(response: Response, method: string): Response {
	const { status } = response;
	const allow = response.headers.get('allow');
	let result: ApiResult;
	if (status === 405)
		result = apiError(
			405,
			'method_not_allowed',
			`${method} is not allowed here${allow ? `; use ${allow}` : ''}.`,
			allow ? { allow } : undefined
		);
	else if (status >= 500) result = internalError();
	else {
		const [code, message] = CODES[status] ?? ['request_refused', 'The request was refused.'];
		result = apiError(status, code, message);
	}
	const answer = toResponse(result);
	const retryAfter = response.headers.get('retry-after');
	if (retryAfter) answer.headers.set('retry-after', retryAfter);
	return answer;
}

/**
 * Every error under /api in the API's JSON shape, including those SvelteKit answers itself: an
 * address with no endpoint (404, which would otherwise be an HTML page) and a method the endpoint
 * does not have (405, with Allow). The routes' own answers pass unchanged.
 */
export const apiErrors: Handle = async ({ event, resolve }) => {
	if (!isApiPath(event.url.pathname)) return resolve(event);
	const response = await resolve(event);
	if (response.status < 400 || (await isApiError(response))) return response;
	return asApiError(response, event.request.method);
};
