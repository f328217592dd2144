import { argon2Verify } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
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

describe('passwords an administrator may not set', () => {
	it('refuses the most common passwords, also dressed up with digits, symbols and look-alike letters', () => {
		for (const password of [
			'password1234',
			'Password2024!',
			'P@ssw0rd2024',
			'p a s s w o r d 1 2',
			'qwertyuiop12',
			'1q2w3e4r5t6y',
			'iloveyou2026',
			'ILoveYou!!!!',
			'passwordpassword',
			'monkeymonkey',
			'letmein12345',
			'mongolia2024!',
			'Ulaanbaatar1',
			'нууцүг123456',
			'Монгол123456',
			'alkham123456',
			'e-mongolia2026',
			'Йцукен!2026?'
		])
			expect(passwordProblem(password), password).toBe('common');
		// The list is a plain module of a few hundred, all written as they are compared.
		expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
		for (const word of COMMON_PASSWORDS) expect(word).toBe(word.toLowerCase().replace(/\s/g, ''));
	});

	it('refuses a password containing the email’s local part or the teacher’s name', () => {
		const sarnai = { email: 'sarnai.bat@school.mn', name: 'Сарнай Батбаяр' };
		for (const password of [
			'sarnai.bat is my login',
			'I am Sarnai from school',
			'batbayar family rules',
			'Сарнай багшийн нууц',
			'сарнайбатбаяр2026',
			'Б а т б а я р 2 0 2 6'
		])
			expect(passwordProblem(password, sarnai), password).toBe('personal');
		expect(passwordProblem('s4rn4i teaches well', sarnai)).toBe('personal');
		expect(passwordProblem('blue tent over the river', sarnai)).toBeUndefined();
		// Parts shorter than three characters are too common to refuse.
		expect(
			passwordProblem('go slowly along the river', { email: 'go@school.mn', name: 'Ю' })
		).toBeUndefined();
	});

	it('refuses passwords of nothing but repeated or sequential characters', () => {
		for (const password of [
			'aaaaaaaaaaaa',
			'abcabcabcabc',
			'121212121212',
			'123456789012',
			'abcdefghijkl',
			'zyxwvutsrqpo',
			'987654321098',
			'aaaabcdeffff',
			'123456abcdef',
			'qwertyasdfgh',
			'абвгдеёжзийк',
			'aabbaabbaabb',
			'1111 2222 3333'
		])
			expect(passwordProblem(password), password).toBe('repetitive');
	});

	it('accepts a passphrase, in either language', () => {
		for (const password of [
			'correct horse battery staple',
			'Нууц үг 2026 оны',
			'a long classroom passphrase',
			'тэмээ уулан дээр унтав',
			'abcd efgh river stone'
		])
			expect(
				passwordProblem(password, { email: 'teacher@school.mn', name: 'Сарнай' }),
				password
			).toBeUndefined();
	});
});
