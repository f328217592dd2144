import { apiError, toResponse } from './api-result';

/** Every API error has this shape: `{ error: { code, message } }`. */
export function jsonError(status: number, code: string, message: string, headers?: Record<string, string>) {
	return toResponse(apiError(status, code, message, headers));
}
