import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { certificates } from '../db/schema';
import { isIssuer } from '../http/public-origin';
import { publishedKeys } from '../issuer/issuer-keys';
import { verifyCredential, type VerifyResult } from './vc-jwt';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored certificate by id; undefined for an unknown or malformed id. */
export async function findCertificate(db: Database, id: string) {
	if (!UUID.test(id)) return undefined;
	const [row] = await db.select().from(certificates).where(eq(certificates.id, id.toLowerCase()));
	return row;
}

type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export type CertificateCheck =
	| { state: 'unknown' }
	| { state: 'invalid'; row: CertificateRow; reason: string }
	/** Correctly signed, but naming another issuer than this server's origin. */
	| { state: 'foreign'; row: CertificateRow; issuer: string; origin: string }
	/** No public origin is configured: nothing can say whether this server issued it. */
	| { state: 'unconfigured'; row: CertificateRow }
	| { state: 'valid' | 'revoked'; row: CertificateRow; verified: Extract<VerifyResult, { valid: true }> };

/**
 * Looks a certificate up and checks its signature with the published keys, and that it names this
 * server's configured origin as its issuer: a certificate signed while the issuer came from the
 * request's Host (before the origin was configuration only) may name any site, and is not vouched for.
 */
export async function checkCertificate(
	db: Database,
	id: string,
	origin: string | undefined
): Promise<CertificateCheck> {
	const row = await findCertificate(db, id);
	if (!row) return { state: 'unknown' };
	const verified = await verifyCredential(row.credential, await publishedKeys(db));
	if (!verified.valid) return { state: 'invalid', row, reason: verified.reason };
	if (!origin) return { state: 'unconfigured', row };
	const issuer = verified.credential.issuer.id;
	if (!isIssuer(issuer, origin)) return { state: 'foreign', row, issuer: String(issuer), origin };
	return { state: row.status === 'revoked' ? 'revoked' : 'valid', row, verified };
}
