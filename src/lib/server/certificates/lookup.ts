import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { certificates } from '../db/schema';
import { publishedKeys } from '../issuer/issuer-keys';
import { verifyCredential, type VerifyResult } from './vc-jwt';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored certificate by id; undefined for an unknown or malformed id. */
export async function findCertificate(db: Database, id: string) {
	if (!UUID.test(id)) return undefined;
	const [row] = await db.select().from(certificates).where(eq(certificates.id, id.toLowerCase()));
	return row;
}

export type CertificateCheck =
	| { state: 'unknown' }
	| { state: 'invalid'; reason: string }
	| {
			state: 'valid' | 'revoked';
			row: NonNullable<Awaited<ReturnType<typeof findCertificate>>>;
			verified: Extract<VerifyResult, { valid: true }>;
	  };

/** Looks a certificate up and checks its signature with the published keys. */
export async function checkCertificate(db: Database, id: string): Promise<CertificateCheck> {
	const row = await findCertificate(db, id);
	if (!row) return { state: 'unknown' };
	const verified = await verifyCredential(row.credential, await publishedKeys(db));
	if (!verified.valid) return { state: 'invalid', reason: verified.reason };
	return { state: row.status === 'revoked' ? 'revoked' : 'valid', row, verified };
}
