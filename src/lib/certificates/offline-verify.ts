import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { db } from '$lib/learner/db';

const JWKS_KEY = 'issuerJwks';

export type DeviceVerdict = 'valid' | 'invalid' | 'no-keys';

/** The issuer's public keys as last fetched, kept on the device for checking offline. */
export async function cachedJwks(): Promise<JSONWebKeySet | undefined> {
	return (await db().device.get(JWKS_KEY))?.value as JSONWebKeySet | undefined;
}

/** Fetches the issuer's public keys and keeps them on the device; false when offline or refused. */
export async function refreshJwks(fetcher: typeof fetch = fetch): Promise<boolean> {
	try {
		const response = await fetcher('/.well-known/jwks.json');
		if (!response.ok) return false;
		const jwks = (await response.json()) as JSONWebKeySet;
		if (!Array.isArray(jwks.keys)) return false;
		await db().device.put({ key: JWKS_KEY, value: jwks });
		return true;
	} catch {
		return false;
	}
}

/** Checks a credential's signature against a key set. */
export async function verifyWith(jwt: string, jwks: JSONWebKeySet): Promise<boolean> {
	try {
		await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA', 'RS256'] });
		return true;
	} catch {
		return false;
	}
}

/**
 * Verifies a certificate on the device with the cached public keys (so it works offline); when the
 * cached keys do not verify it and the network is there, fetches the keys again once (a new key).
 */
export async function verifyOnDevice(jwt: string, fetcher: typeof fetch = fetch): Promise<DeviceVerdict> {
	let jwks = await cachedJwks();
	if (jwks && (await verifyWith(jwt, jwks))) return 'valid';
	if (await refreshJwks(fetcher)) jwks = await cachedJwks();
	if (!jwks) return 'no-keys';
	return (await verifyWith(jwt, jwks)) ? 'valid' : 'invalid';
}
