import { sign } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { SigningKey } from '../issuer/issuer-keys';
import type { OpenBadgeCredential } from './credential';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * Signs a credential as a VC-JWT (Open Badges 3.0 §8.2): `vc` claim, iss, jti, nbf, sub; `kid` in the
 * header. This is the hot path of every certificate issue, so it signs with node:crypto (OpenSSL) and
 * the key imported once per process, instead of jose's SignJWT, whose WebCrypto signing cost about
 * three times as much CPU per certificate. Only the JWS compact serialisation (RFC 7515 §7.1) is
 * assembled here, with the header and claims in jose's order: vc-jwt.spec.ts checks that the result
 * is byte for byte what jose's SignJWT produces, and jose verifies every credential (verifyCredential).
 */
export function signCredential(credential: OpenBadgeCredential, key: SigningKey): string {
	const validFrom = Math.floor(Date.parse(credential.validFrom) / 1000);
	const header = { alg: key.alg, kid: key.kid, typ: 'JWT' };
	const claims = {
		vc: credential,
		iss: credential.issuer.id,
		jti: credential.id,
		sub: credential.credentialSubject.id,
		nbf: validFrom,
		iat: validFrom
	};
	const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
	// Ed25519 hashes internally (no digest argument); RS256 is RSASSA-PKCS1-v1_5 with SHA-256.
	const signature = sign(key.alg === 'EdDSA' ? null : 'sha256', Buffer.from(input), key.privateKey);
	return `${input}.${signature.toString('base64url')}`;
}

export type VerifyResult =
	{ valid: true; credential: OpenBadgeCredential; kid: string } | { valid: false; reason: string };

/** Verifies a VC-JWT's signature against a key set; any tampering makes it invalid. */
export async function verifyCredential(jwt: string, jwks: JSONWebKeySet): Promise<VerifyResult> {
	try {
		const { kid } = decodeProtectedHeader(jwt);
		const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA', 'RS256'] });
		const credential = payload.vc as OpenBadgeCredential | undefined;
		if (!credential || payload.jti !== credential.id || payload.iss !== credential.issuer?.id)
			return { valid: false, reason: 'claims do not match the credential' };
		return { valid: true, credential, kid: kid ?? '' };
	} catch (error) {
		return { valid: false, reason: (error as Error).message };
	}
}
