import { describe, expect, it } from 'vitest';
import { safeNext } from './guard';

describe('return address after sign-in', () => {
	it('keeps teacher pages', () => {
		expect(safeNext('/teach/classes/0b6c1f3e-7a0e-4f55-8f0e-1a2b3c4d5e6f')).toBe(
			'/teach/classes/0b6c1f3e-7a0e-4f55-8f0e-1a2b3c4d5e6f'
		);
		expect(safeNext('/teach')).toBe('/teach');
	});

	it('refuses anything that could lead elsewhere', () => {
		for (const next of [
			'https://evil.test',
			'//evil.test',
			'/teach//evil.test',
			'/en',
			'/teachx',
			'/teach/../x?y',
			null
		])
			expect(safeNext(next)).toBe('/teach');
	});
});
