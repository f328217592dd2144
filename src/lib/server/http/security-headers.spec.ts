import { describe, expect, test } from 'vitest';
import {
	headersForTarget,
	NARRATION_PERMISSIONS_POLICY,
	NON_PAGE_CSP,
	PERMISSIONS_POLICY,
	responseHeaders,
	securityHeaders,
	STRICT_TRANSPORT_SECURITY
} from './security-headers';

const policyOf = (value: string) =>
	Object.fromEntries(value.split(', ').map((entry) => entry.split('=') as [string, string]));

describe('Permissions-Policy', () => {
	test('denies every powerful feature the app never uses, the microphone included', () => {
		const policy = policyOf(PERMISSIONS_POLICY);
		for (const feature of [
			'camera',
			'microphone',
			'geolocation',
			'payment',
			'usb',
			'serial',
			'bluetooth',
			'midi',
			'accelerometer',
			'gyroscope',
			'magnetometer',
			'interest-cohort',
			'browsing-topics',
			'display-capture'
		])
			expect(policy[feature], feature).toBe('()');
		// Reading a step aloud plays audio.
		expect(policy.autoplay).toBeUndefined();
		expect(Object.values(policy).every((allow) => allow === '()')).toBe(true);
	});

	test('lets the narration pages, and only they, ask for the microphone on this origin', () => {
		expect(policyOf(NARRATION_PERMISSIONS_POLICY)).toEqual({
			...policyOf(PERMISSIONS_POLICY),
			microphone: '(self)'
		});
		for (const path of ['/teach/narration', '/teach/narration/', '/teach/narration/lesson-1'])
			expect(responseHeaders(path, undefined)['permissions-policy'], path).toBe(NARRATION_PERMISSIONS_POLICY);
		for (const path of ['/', '/teach', '/teach/narrations', '/en/teach/narration', '/api/teach/narration'])
			expect(responseHeaders(path, undefined)['permissions-policy'], path).toBe(PERMISSIONS_POLICY);
	});
});

describe('Strict-Transport-Security', () => {
	test('is sent on every path when the configured public origin is https', () => {
		for (const path of ['/', '/teach/narration', '/api/v1/certificates'])
			expect(responseHeaders(path, 'https://alkham.mn')['strict-transport-security']).toBe(
				'max-age=31536000; includeSubDomains'
			);
		expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=31536000; includeSubDomains');
	});

	test('is never sent over plain http or without a configured origin', () => {
		expect(responseHeaders('/', 'http://localhost:3000')).not.toHaveProperty('strict-transport-security');
		expect(responseHeaders('/', 'http://192.168.1.10:3000')).not.toHaveProperty('strict-transport-security');
		expect(responseHeaders('/', undefined)).not.toHaveProperty('strict-transport-security');
	});
});

describe('the headers of every response', () => {
	test('keep the baseline, whatever the path and origin', () => {
		for (const origin of ['https://alkham.mn', undefined])
			expect(responseHeaders('/teach/narration', origin)).toMatchObject({
				'x-content-type-options': 'nosniff',
				'referrer-policy': 'strict-origin-when-cross-origin',
				'x-frame-options': 'DENY'
			});
	});

	test('are found for a request target with a query, as scripts/serve.js has it', () => {
		const forTarget = headersForTarget('https://alkham.mn');
		expect(forTarget('/teach/narration?lesson=1')['permissions-policy']).toBe(NARRATION_PERMISSIONS_POLICY);
		expect(forTarget('/?q=/teach/narration')['permissions-policy']).toBe(PERMISSIONS_POLICY);
		expect(forTarget(undefined)['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
	});

	test('are set by the hook on pages and JSON, JSON also getting a policy that allows nothing', async () => {
		const hook = securityHeaders('https://alkham.mn');
		const run = async (path: string, response: Response) =>
			hook({
				event: { url: new URL(path, 'https://alkham.mn') } as never,
				resolve: async () => response
			});
		const json = await run('/api/v1/courses', Response.json([]));
		expect(json.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
		expect(json.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
		expect(json.headers.get('content-security-policy')).toBe(NON_PAGE_CSP);
		const page = await run(
			'/teach/narration',
			new Response('<!doctype html>', {
				headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" }
			})
		);
		expect(page.headers.get('permissions-policy')).toBe(NARRATION_PERMISSIONS_POLICY);
		expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
		// A response passed through from fetch has immutable headers: the hook copies it.
		const immutable = await fetch('data:application/json,[]');
		const copied = await run('/api/x', immutable);
		expect(copied.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
	});
});
