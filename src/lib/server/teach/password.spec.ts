import { argon2Verify } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
	it('stores argon2id at OWASP parameters (19 MiB, t=2, p=1) with a 16-byte salt', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
		// The standard PHC string: any argon2 library can check it.
		expect(await argon2Verify({ password: 'correct horse battery', hash })).toBe(true);
	});

	it('uses a fresh salt each time, so equal passwords get different hashes', async () => {
		expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
	});

	it('accepts the right password and refuses a wrong one', async () => {
		const hash = await hashPassword('Нууц үг 2026 оны');
		expect(await verifyPassword('Нууц үг 2026 оны', hash)).toBe(true);
		expect(await verifyPassword('Нууц үг 2026 онЫ', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('matches the same letters typed composed or decomposed', async () => {
		const composed = 'Ёстой урт нууц үг'.normalize('NFC');
		const hash = await hashPassword(composed);
		expect(await verifyPassword(composed.normalize('NFD'), hash)).toBe(true);
	});

	it('never matches a malformed or tampered stored hash', async () => {
		const hash = await hashPassword('a long enough password');
		expect(await verifyPassword('a long enough password', 'plain text')).toBe(false);
		expect(await verifyPassword('a long enough password', hash.replace('argon2id', 'argon2i'))).toBe(false);
		const tampered = hash.slice(0, -2) + (hash.endsWith('AA') ? 'BB' : 'AA');
		expect(await verifyPassword('a long enough password', tampered)).toBe(false);
	});

	it('asks for a rehash only when the parameters differ from today’s', async () => {
		expect(needsRehash(await hashPassword('a long enough password'))).toBe(false);
		expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
		expect(needsRehash('garbage')).toBe(true);
	});

	it('names a password that is too short or too long', () => {
		expect(passwordProblem('short')).toBe('too_short');
		expect(passwordProblem('twelve chars')).toBeUndefined();
		expect(passwordProblem('x'.repeat(257))).toBe('too_long');
	});
});
