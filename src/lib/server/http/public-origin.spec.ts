import { describe, expect, test } from 'vitest';
import { asOrigin, isIssuer, readPublicOrigin } from './public-origin';

describe('the public origin', () => {
	test('comes from PUBLIC_BASE_URL, else ORIGIN, and from nothing else', () => {
		expect(
			readPublicOrigin({ PUBLIC_BASE_URL: 'https://alkham.mn', ORIGIN: 'http://10.0.0.5:3000' })
		).toEqual({
			origin: 'https://alkham.mn'
		});
		expect(readPublicOrigin({ ORIGIN: 'http://10.0.0.5:3000' })).toEqual({ origin: 'http://10.0.0.5:3000' });
		expect(readPublicOrigin({ PUBLIC_BASE_URL: '  ', ORIGIN: 'https://alkham.mn/' })).toEqual({
			origin: 'https://alkham.mn'
		});
		expect(readPublicOrigin({})).toEqual({});
		// What adapter-node reads the request's address from does not count.
		expect(
			readPublicOrigin({ HOST_HEADER: 'x-forwarded-host', PROTOCOL_HEADER: 'x-forwarded-proto' })
		).toEqual({});
	});

	test('is written the one way a URL writes an origin', () => {
		expect(asOrigin('HTTPS://Alkham.MN:443/')).toBe('https://alkham.mn');
		expect(asOrigin('http://localhost:4173')).toBe('http://localhost:4173');
		expect(asOrigin('https://алхам.мон')).toBe('https://xn--80aa6af7b.xn--l1acc');
	});

	test.each([
		['not a URL', 'alkham.mn'],
		['a path', 'https://alkham.mn/app'],
		['a query', 'https://alkham.mn/?x=1'],
		['credentials', 'https://user:pw@alkham.mn'],
		['another scheme', 'ftp://alkham.mn']
	])('refuses a value with %s, naming the setting', (_, value) => {
		expect(readPublicOrigin({ PUBLIC_BASE_URL: value, ORIGIN: 'https://fallback.mn' })).toEqual({
			problem: expect.stringMatching(/^PUBLIC_BASE_URL is ".*", which is not an origin/)
		});
		expect(readPublicOrigin({ ORIGIN: value }).problem).toMatch(/^ORIGIN /);
	});

	test("recognises a credential's issuer written either way, and only this origin", () => {
		expect(isIssuer('https://alkham.mn', 'https://alkham.mn')).toBe(true);
		expect(isIssuer('https://ALKHAM.mn/', 'https://alkham.mn')).toBe(true);
		expect(isIssuer('https://evil.example', 'https://alkham.mn')).toBe(false);
		expect(isIssuer('http://alkham.mn', 'https://alkham.mn')).toBe(false);
		expect(isIssuer('https://alkham.mn.evil.example', 'https://alkham.mn')).toBe(false);
		expect(isIssuer('https://alkham.mn/evil', 'https://alkham.mn')).toBe(false);
		expect(isIssuer(undefined, 'https://alkham.mn')).toBe(false);
	});
});
