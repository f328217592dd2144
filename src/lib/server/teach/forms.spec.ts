import { describe, expect, it } from 'vitest';
import { parseClassForm, parseSignInForm } from './forms';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

describe('new-class form', () => {
	it('accepts a name alone and stores empty optional fields as nothing', () => {
		expect(parseClassForm(form({ name: '  Эцэг эхчүүд 3-р анги ' }))).toEqual({
			ok: true,
			value: { name: 'Эцэг эхчүүд 3-р анги', place: null, startsOn: null, endsOn: null }
		});
	});

	it('accepts a place and dates in order', () => {
		const result = parseClassForm(
			form({ name: 'A', place: 'School 5', startsOn: '2026-12-01', endsOn: '2026-12-01' })
		);
		expect(result).toEqual({
			ok: true,
			value: { name: 'A', place: 'School 5', startsOn: '2026-12-01', endsOn: '2026-12-01' }
		});
	});

	it('names each field’s problem and keeps what was typed', () => {
		const result = parseClassForm(
			form({ name: '   ', place: 'x'.repeat(101), startsOn: '2026-02-30', endsOn: 'soon' })
		);
		expect(result).toEqual({
			ok: false,
			errors: { name: 'required', place: 'too_long', startsOn: 'invalid_date', endsOn: 'invalid_date' },
			values: { name: '   ', place: 'x'.repeat(101), startsOn: '2026-02-30', endsOn: 'soon' }
		});
	});

	it('refuses an end date before the start date', () => {
		const result = parseClassForm(form({ name: 'A', startsOn: '2026-12-10', endsOn: '2026-12-01' }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors).toEqual({ endsOn: 'ends_before_start' });
	});

	it('refuses control characters in the name', () => {
		const result = parseClassForm(form({ name: 'A\u0000B' }));
		expect(result.ok || result.errors.name).toBe('invalid_text');
	});

	it('treats a missing field as empty', () => {
		const result = parseClassForm(new FormData());
		expect(result.ok || result.errors).toEqual({ name: 'required' });
	});
});

describe('sign-in form', () => {
	it('needs both an email and a password, and never echoes the password back', () => {
		expect(parseSignInForm(form({ email: '', password: 'secret' }))).toEqual({
			ok: false,
			errors: { email: 'required' },
			values: { email: '', password: '' }
		});
		expect(parseSignInForm(form({ email: ' a@b.mn ', password: 'pw' }))).toEqual({
			ok: true,
			value: { email: 'a@b.mn', password: 'pw' }
		});
	});
});
