import { describe, expect, it } from 'vitest';
import { rightmostValue, signInAddress, throttleAddress } from './client-address';
import { secureCookies } from './hooks';

const SOCKET = '203.0.113.50';

/** What SvelteKit hands the sign-in action: the request and adapter-node's client address. */
function event(headers: Record<string, string>, url = 'http://alkham.test/teach') {
	return {
		url: new URL(url),
		request: new Request(url, { headers }),
		getClientAddress: () => SOCKET
	};
}

describe('forwarding headers', () => {
	it('reads the rightmost value, the one the proxy itself wrote', () => {
		expect(rightmostValue('198.51.100.1, 10.0.0.2')).toBe('10.0.0.2');
		expect(rightmostValue(' https ')).toBe('https');
		expect(rightmostValue('http, https,')).toBe('https');
		expect(rightmostValue('')).toBeUndefined();
		expect(rightmostValue(null)).toBeUndefined();
	});
});

describe('Secure cookies behind a proxy', () => {
	const trusted = { TRUST_PROXY: '1' };

	it('believes the proxy’s own X-Forwarded-Proto, the rightmost one', () => {
		expect(secureCookies(event({ 'x-forwarded-proto': 'https' }), trusted)).toBe(true);
		expect(secureCookies(event({ 'x-forwarded-proto': 'http, https' }), trusted)).toBe(true);
	});

	it('ignores what the client put in front of the proxy’s value', () => {
		// The old code read the leftmost value: a client on plain http could claim https.
		expect(secureCookies(event({ 'x-forwarded-proto': 'https, http' }), trusted)).toBe(false);
	});

	it('ignores the header without TRUST_PROXY, and HTTPS is always Secure', () => {
		expect(secureCookies(event({ 'x-forwarded-proto': 'https' }), {})).toBe(false);
		expect(secureCookies(event({ 'x-forwarded-proto': 'https' }), { TRUST_PROXY: '0' })).toBe(false);
		expect(secureCookies(event({}, 'https://alkham.test/teach'), {})).toBe(true);
	});
});

describe('the client address the sign-in throttle counts', () => {
	it('is the socket address unless a proxy is trusted, whatever the client sends', () => {
		const spoofed = event({ 'x-forwarded-for': '198.51.100.99' });
		expect(signInAddress(spoofed, {})).toBe(SOCKET);
		expect(signInAddress(spoofed, { TRUST_PROXY: '0' })).toBe(SOCKET);
	});

	it('with TRUST_PROXY, is the entry the proxy appended, not one the client made up', () => {
		const forwarded = event({ 'x-forwarded-for': '198.51.100.99, 192.0.2.7' });
		expect(signInAddress(forwarded, { TRUST_PROXY: '1' })).toBe('192.0.2.7');
		expect(signInAddress(event({}), { TRUST_PROXY: '1' })).toBe(SOCKET);
	});

	it('with ADDRESS_HEADER set, is what adapter-node works out from it (XFF_DEPTH from the right)', () => {
		const forwarded = event({ 'x-forwarded-for': '198.51.100.99, 192.0.2.7, 10.0.0.1' });
		const adapterNode = { ...forwarded, getClientAddress: () => '192.0.2.7' };
		expect(
			signInAddress(adapterNode, { TRUST_PROXY: '1', ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' })
		).toBe('192.0.2.7');
	});

	it('counts an IPv6 client by its /64, and an IPv4 address written as IPv6 as IPv4', () => {
		expect(throttleAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
		expect(throttleAddress('2001:DB8:1:2::ffff')).toBe('2001:db8:1:2::/64');
		expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
		expect(throttleAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
		expect(throttleAddress('::ffff:c000:207')).toBe('192.0.2.7');
		expect(throttleAddress('192.0.2.7')).toBe('192.0.2.7');
		expect(throttleAddress('not an address')).toBe('not an address');
	});
});
