import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Issuer signing keys. Created on first start; a retired key is kept and still published in the
 * JWKS so that certificates it signed keep verifying.
 */
export const issuerKeys = pgTable('issuer_keys', {
	kid: text('kid').primaryKey(),
	alg: text('alg').notNull(),
	publicJwk: jsonb('public_jwk').notNull(),
	privateJwk: jsonb('private_jwk').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	retiredAt: timestamp('retired_at', { withTimezone: true })
});

/** Issued certificates; the credential is the signed VC-JWT exactly as handed to the learner. */
export const certificates = pgTable(
	'certificates',
	{
		id: uuid('id').primaryKey(),
		learnerId: uuid('learner_id').notNull(),
		learnerName: text('learner_name').notNull(),
		courseId: text('course_id').notNull(),
		courseVersion: integer('course_version').notNull(),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
		locale: text('locale').notNull(),
		classCode: text('class_code'),
		credential: text('credential').notNull(),
		kid: text('kid').notNull(),
		status: text('status').notNull().default('valid'),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('certificates_class_code_idx').on(t.classCode),
		index('certificates_learner_idx').on(t.learnerId)
	]
);

/**
 * One row per Idempotency-Key: the hash of the request it came with and the response given, so a
 * replay gets the identical response and a different body under the same key is refused. The primary
 * key makes concurrent duplicates race-safe across server instances.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
	key: uuid('key').primaryKey(),
	requestHash: text('request_hash').notNull(),
	status: integer('status').notNull(),
	/** The response body exactly as first sent (text, not jsonb, so a replay is byte-identical). */
	response: text('response').notNull(),
	certificateId: uuid('certificate_id').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
