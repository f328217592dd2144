import { describe, expect, it } from 'vitest';
import {
	formatJoinCode,
	generateJoinCode,
	isJoinCode,
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	normalizeJoinCode
} from './join-code';

describe('join codes', () => {
	it('uses no characters that look alike', () => {
		for (const ch of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
	});

	it('generates codes of the fixed length from the alphabet only', () => {
		for (let i = 0; i < 500; i++) {
			const code = generateJoinCode();
			expect(code).toHaveLength(JOIN_CODE_LENGTH);
			expect(isJoinCode(code)).toBe(true);
		}
	});

	it('matches the shape the certificate API accepts as a class code', () => {
		expect(generateJoinCode()).toMatch(/^[A-Z2-9]{4,10}$/);
	});

	it('skips bytes that would make some symbols more likely', () => {
		// 248..255 must be rejected; 0 maps to the first symbol, 30 to the last.
		const bytes = [255, 248, 0, 30, 31, 250, 1, 2, 3, 4, 5];
		const code = generateJoinCode((array) => {
			array.set(bytes.splice(0, array.length));
			return array;
		});
		expect(code).toBe('2Z2345');
	});

	it('spreads symbols evenly', () => {
		const counts = new Map<string, number>();
		for (let i = 0; i < 3000; i++)
			for (const ch of generateJoinCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
		const expected = (3000 * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length;
		expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
		for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.25);
	});

	it('tidies what a learner types: case, spaces, dashes and Cyrillic look-alikes', () => {
		expect(normalizeJoinCode(' abc-def ')).toBe('ABCDEF');
		expect(normalizeJoinCode('abc def')).toBe('ABCDEF');
		// Cyrillic А, В, С, Е, Н, К typed on a Mongolian keyboard.
		expect(normalizeJoinCode('АВСЕНК')).toBe('ABCEHK');
		expect(normalizeJoinCode('авс 234')).toBe('ABC234');
	});

	it('rejects codes of the wrong length or with look-alike characters', () => {
		expect(isJoinCode('ABCDE')).toBe(false);
		expect(isJoinCode('ABCDEFG')).toBe(false);
		expect(isJoinCode('ABCDE0')).toBe(false);
		expect(isJoinCode('ABCDEO')).toBe(false);
		expect(isJoinCode('ABCDEI')).toBe(false);
		expect(isJoinCode('ABCDEL')).toBe(false);
		expect(isJoinCode('ABCDE1')).toBe(false);
		expect(isJoinCode('ABCDEF')).toBe(true);
	});

	it('shows a code in two groups of three', () => {
		expect(formatJoinCode('ABCDEF')).toBe('ABC DEF');
	});
});
