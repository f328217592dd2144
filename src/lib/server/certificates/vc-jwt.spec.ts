import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { IssuerAlg, SigningKey } from '../issuer/issuer-keys';
import { buildCredential } from './credential';
import { signCredential, verifyCredential } from './vc-jwt';

async function keyPair(alg: IssuerAlg) {
	const pair =
		alg === 'EdDSA'
			? await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
			: await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
	const privateJwk = await exportJWK(pair.privateKey);
	const publicJwk = await exportJWK(pair.publicKey);
	const kid = await calculateJwkThumbprint(publicJwk);
	const key: SigningKey = {
		kid,
		alg,
		privateKey: createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' })
	};
	return { key, privateJwk, jwks: { keys: [{ ...publicJwk, kid, alg, use: 'sig' } as JWK] } };
}

const credential = buildCredential({
	certificateId: '0b4c3a52-39a8-4f55-9a61-6f0d3f0c7f10',
	issuerUrl: 'https://alkham.test',
	issuerName: 'Алхам (Alkham)',
	learner: { id: '5d0f8a4e-2b7c-4e1a-9f3d-8c6b5a4e3d2c', name: 'Болд' },
	course: { id: 'test-course', version: 2, title: 'Тест', description: 'Тестийн сургалт' },
	completedAt: '2026-11-20T10:00:00.000Z',
	issuedAt: '2026-11-24T12:00:00.000Z',
	locale: 'mn'
});

describe('signCredential', () => {
	test('produces byte for byte the VC-JWT that jose SignJWT produces (Ed25519 is deterministic)', async () => {
		const { key, privateJwk, jwks } = await keyPair('EdDSA');
		const validFrom = Math.floor(Date.parse(credential.validFrom) / 1000);
		const byJose = await new SignJWT({ vc: credential })
			.setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
			.setIssuer(credential.issuer.id)
			.setJti(credential.id)
			.setSubject(credential.credentialSubject.id)
			.setNotBefore(validFrom)
			.setIssuedAt(validFrom)
			.sign(await importJWK(privateJwk, 'EdDSA'));
		const jwt = signCredential(credential, key);
		expect(jwt).toBe(byJose);
		const result = await verifyCredential(jwt, jwks);
		expect(result).toMatchObject({ valid: true, kid: key.kid, credential });
	});

	test('signs with RS256 so that jose verifies it', async () => {
		const { key, jwks } = await keyPair('RS256');
		const jwt = signCredential(credential, key);
		const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
		expect(header).toEqual({ alg: 'RS256', kid: key.kid, typ: 'JWT' });
		expect(await verifyCredential(jwt, jwks)).toMatchObject({ valid: true, credential });
	}, 30_000);

	test('a changed claim or another key fails verification', async () => {
		const { key, jwks } = await keyPair('EdDSA');
		const other = await keyPair('EdDSA');
		const jwt = signCredential(credential, key);
		const [header, payload, signature] = jwt.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		claims.vc.credentialSubject.identifier[0].identityHash = 'Someone else';
		const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
		expect((await verifyCredential(tampered, jwks)).valid).toBe(false);
		// Another key published under the same kid.
		const impostor = { keys: [{ ...other.jwks.keys[0], kid: key.kid }] };
		expect((await verifyCredential(jwt, impostor)).valid).toBe(false);
	});
});
