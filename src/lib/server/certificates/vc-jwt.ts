import { SignJWT, createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { SigningKey } from '../issuer/issuer-keys';
import type { OpenBadgeCredential } from './credential';

/** Signs a credential as a VC-JWT (Open Badges 3.0 §8.2): `vc` claim, iss, jti, nbf, sub; `kid` in the header. */
export async function signCredential(credential: OpenBadgeCredential, key: SigningKey): Promise<string> {
	const validFrom = Math.floor(Date.parse(credential.validFrom) / 1000);
	return new SignJWT({ vc: credential })
		.setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setSubject(credential.credentialSubject.id)
		.setNotBefore(validFrom)
		.setIssuedAt(validFrom)
		.sign(key.privateKey);
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
