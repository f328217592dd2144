import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database } from '../db';
import { issuerKeys } from '../db/schema';

export type IssuerAlg = 'EdDSA' | 'RS256';

export interface SigningKey {
	kid: string;
	alg: IssuerAlg;
	/**
	 * The private key as a Node.js KeyObject, imported once per process: signing with it through
	 * node:crypto costs a fraction of a WebCrypto CryptoKey (see vc-jwt.ts).
	 */
	privateKey: KeyObject;
}

/** The signing algorithm: EdDSA (Ed25519) by default; RS256, the Open Badges interoperability minimum, by configuration. */
export function configuredAlg(env: NodeJS.ProcessEnv = process.env): IssuerAlg {
	const alg = env.ISSUER_ALG?.trim() || 'EdDSA';
	if (alg !== 'EdDSA' && alg !== 'RS256') throw new Error(`ISSUER_ALG must be EdDSA or RS256, not "${alg}"`);
	return alg;
}

async function newKeyPair(alg: IssuerAlg): Promise<{ publicJwk: JWK; privateJwk: JWK }> {
	const { publicKey, privateKey } =
		alg === 'EdDSA'
			? await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
			: await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
	return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

/** A key given by the environment (ISSUER_PRIVATE_JWK, a JSON JWK), instead of one made on first start. */
async function keyFromEnv(env: NodeJS.ProcessEnv, alg: IssuerAlg) {
	const raw = env.ISSUER_PRIVATE_JWK?.trim();
	if (!raw) return undefined;
	const privateJwk = JSON.parse(raw) as JWK;
	const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
	await importJWK(privateJwk, alg);
	return { publicJwk, privateJwk };
}

/**
 * The active signing key, created and stored on first start (or taken from ISSUER_PRIVATE_JWK).
 * Safe when several instances start at once: the key row is inserted with ON CONFLICT DO NOTHING
 * and the oldest active key of the configured algorithm wins.
 */
export async function activeSigningKey(
	db: Database,
	env: NodeJS.ProcessEnv = process.env
): Promise<SigningKey> {
	const alg = configuredAlg(env);
	const find = async () =>
		(
			await db.select().from(issuerKeys).where(isNull(issuerKeys.retiredAt)).orderBy(issuerKeys.createdAt)
		).find((k) => k.alg === alg);
	let row = await find();
	const fromEnv = await keyFromEnv(env, alg);
	if (fromEnv) {
		const kid = await calculateJwkThumbprint(fromEnv.publicJwk);
		if (row?.kid !== kid) {
			await db
				.insert(issuerKeys)
				.values({
					kid,
					alg,
					publicJwk: { ...fromEnv.publicJwk, kid, alg, use: 'sig' },
					privateJwk: fromEnv.privateJwk
				})
				.onConflictDoNothing();
			row = (await db.select().from(issuerKeys)).find((k) => k.kid === kid);
		}
	} else if (!row) {
		const pair = await newKeyPair(alg);
		const kid = await calculateJwkThumbprint(pair.publicJwk);
		await db
			.insert(issuerKeys)
			.values({
				kid,
				alg,
				publicJwk: { ...pair.publicJwk, kid, alg, use: 'sig' },
				privateJwk: pair.privateJwk
			})
			.onConflictDoNothing();
		row = await find();
	}
	if (!row) throw new Error('No issuer signing key could be created');
	return {
		kid: row.kid,
		alg: row.alg as IssuerAlg,
		privateKey: createPrivateKey({ key: row.privateJwk as JsonWebKey, format: 'jwk' })
	};
}

/** Every public key ever used, retired ones included, so old certificates keep verifying. */
export async function publishedKeys(db: Database): Promise<{ keys: JWK[] }> {
	const rows = await db.select().from(issuerKeys).orderBy(issuerKeys.createdAt);
	return { keys: rows.map((r) => r.publicJwk as JWK) };
}
