import { beforeEach, describe, expect, test } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { freshDevice } from '$lib/testing/device-db';
import { cachedJwks, verifyOnDevice } from './offline-verify';

async function issuer() {
	const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
	const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' };
	const jwt = await new SignJWT({ vc: { name: 'Meet e-Mongolia' } })
		.setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
		.setJti('urn:uuid:x')
		.sign(privateKey);
	return { jwks: { keys: [jwk] }, jwt };
}

const serving = (jwks: unknown) => (async () => Response.json(jwks)) as unknown as typeof fetch;
const offline = (async () => {
	throw new TypeError('offline');
}) as unknown as typeof fetch;

beforeEach(() => {
	freshDevice();
});

describe('verifyOnDevice', () => {
	test('verifies online, caches the keys, then verifies offline', async () => {
		const { jwks, jwt } = await issuer();
		expect(await verifyOnDevice(jwt, serving(jwks))).toBe('valid');
		expect(await cachedJwks()).toEqual(jwks);
		expect(await verifyOnDevice(jwt, offline)).toBe('valid');
	});

	test('rejects a tampered credential', async () => {
		const { jwks, jwt } = await issuer();
		const [h, p, s] = jwt.split('.');
		const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
		claims.vc.name = 'Something else';
		const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
		expect(await verifyOnDevice(forged, serving(jwks))).toBe('invalid');
	});

	test('says when it has never had the keys', async () => {
		const { jwt } = await issuer();
		expect(await verifyOnDevice(jwt, offline)).toBe('no-keys');
	});
});
