import { describe, expect, it } from 'vitest';
import { formatProgress, formatSize } from './present';

describe('sizes and progress in the page language', () => {
	it('writes kilobytes below a megabyte and megabytes with one decimal above', () => {
		expect(formatSize(48_211, 'en')).toBe('48 kB');
		expect(formatSize(1_234_567, 'en')).toBe('1.2 MB');
		expect(formatSize(1_234_567, 'mn')).toBe('1.2 МБ');
		expect(formatSize(120, 'mn')).toBe('1 кБ');
	});

	it('writes a percentage', () => {
		expect(formatProgress(4, 10, 'en')).toBe('40%');
		expect(formatProgress(0, 0, 'mn')).toBe('0%');
	});
});
