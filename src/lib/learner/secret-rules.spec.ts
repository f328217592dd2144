import { describe, expect, test } from 'vitest';
import { normalizeHelperCode, normalizeName, normalizePictures, normalizePin } from './secret-rules';

describe('secret rules', () => {
	test('accepts a typed or pasted 4-digit PIN, with spaces or dashes', () => {
		expect(normalizePin('2580')).toBe('2580');
		expect(normalizePin(' 25 80\n')).toBe('2580');
		expect(normalizePin('25-80')).toBe('2580');
	});

	test('refuses a PIN that is not exactly 4 digits', () => {
		expect(normalizePin('258')).toBeNull();
		expect(normalizePin('25801')).toBeNull();
		expect(normalizePin('25a0')).toBeNull();
		expect(normalizePin('')).toBeNull();
	});

	test('needs exactly 3 pictures, in order', () => {
		expect(normalizePictures(['sun', 'moon', 'sun'])).toBe('sun,moon,sun');
		expect(normalizePictures(['sun', 'moon'])).toBeNull();
		expect(normalizePictures(['sun', 'moon', 'tree', 'cup'])).toBeNull();
		expect(normalizePictures(['sun', 'moon', 'x,y'])).toBeNull();
	});

	test('needs a helper code of 6 to 40 characters', () => {
		expect(normalizeHelperCode(' library1 ')).toBe('library1');
		expect(normalizeHelperCode('12345')).toBeNull();
		expect(normalizeHelperCode('x'.repeat(41))).toBeNull();
	});

	test('trims names and refuses empty or overlong ones', () => {
		expect(normalizeName('  Бат   Эрдэнэ ')).toBe('Бат Эрдэнэ');
		expect(normalizeName('   ')).toBeNull();
		expect(normalizeName('x'.repeat(41))).toBeNull();
	});
});
