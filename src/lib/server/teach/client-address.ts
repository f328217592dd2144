import { isIP } from 'node:net';

/**
 * Which client a sign-in comes from, in a form a stranger cannot choose. A forwarding header such
 * as `X-Forwarded-For: <client>, <proxy 1>` is written left to right by every hop: anything left of
 * what our own proxy added was sent by the client and may be invented. Only the rightmost value —
 * the one the proxy in front of us wrote — is believed, and only when TRUST_PROXY says there is one.
 */

/** Whether TRUST_PROXY says a reverse proxy in front of the server sets the forwarding headers. */
export function trustsProxy(env: NodeJS.ProcessEnv = process.env): boolean {
	return !!env.TRUST_PROXY && env.TRUST_PROXY !== '0';
}

/** The rightmost non-empty value of a comma-separated forwarding header: the one our proxy wrote. */
export function rightmostValue(header: string | null | undefined): string | undefined {
	const values = (header ?? '')
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean);
	return values.at(-1);
}

/**
 * The client address for the sign-in throttle:
 * - with adapter-node's ADDRESS_HEADER set, the address adapter-node works out from it (for
 *   X-Forwarded-For it counts XFF_DEPTH entries from the right), as every other part of the server does;
 * - else with TRUST_PROXY, the rightmost X-Forwarded-For entry (what a single proxy appended), or
 *   the socket's address when the proxy sent none;
 * - else the socket's address: a header the client sent changes nothing.
 */
export function signInAddress(
	event: { request: Request; getClientAddress(): string },
	env: NodeJS.ProcessEnv = process.env
): string {
	if (!env.ADDRESS_HEADER && trustsProxy(env)) {
		const forwarded = rightmostValue(event.request.headers.get('x-forwarded-for'));
		if (forwarded) return forwarded;
	}
	return event.getClientAddress();
}

/**
 * The address as the throttle counts it. An IPv6 subscriber is normally given a whole /64 and can
 * use any address in it, so IPv6 addresses count by their /64 network; an IPv4 address written as
 * IPv6 (`::ffff:192.0.2.7`, what a dual-stack socket reports) counts as the IPv4 address.
 */
export function throttleAddress(address: string): string {
	const plain = address.trim().replace(/%.*$/, '');
	const kind = isIP(plain);
	if (kind !== 6) return plain.toLowerCase();
	const groups = ipv6Groups(plain);
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
		return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
	let text = address.toLowerCase();
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (v4) {
		const [a, b, c, d] = v4.slice(1).map(Number);
		text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
	const [head, tail] = text.split('::');
	if (tail === undefined) return parse(head);
	const first = parse(head);
	const last = parse(tail);
	return [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}
