import * as v from 'valibot';

/** What the new-class form stores. */
export interface ClassInput {
	name: string;
	place: string | null;
	startsOn: string | null;
	endsOn: string | null;
}

/** Error codes a form field can have; the page shows each as a sentence in the teacher's language. */
export type FieldError = 'required' | 'too_long' | 'invalid_date' | 'ends_before_start' | 'invalid_text';

export type FormResult<T, F extends string> =
	{ ok: true; value: T } | { ok: false; errors: Partial<Record<F, FieldError>>; values: Record<F, string> };

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

// Printable text: no control characters (they would break the report and the CSV).
const Printable = (max: number) =>
	v.pipe(v.string(), v.trim(), v.maxLength(max, 'too_long'), v.regex(/^[^\p{C}]*$/u, 'invalid_text'));

/** A real calendar day written YYYY-MM-DD (what `<input type="date">` sends). */
function isRealDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const date = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

const OptionalDate = v.pipe(
	v.string(),
	v.check((s) => s === '' || isRealDate(s), 'invalid_date')
);

const ClassFormSchema = v.pipe(
	v.object({
		name: v.pipe(Printable(100), v.minLength(1, 'required')),
		place: Printable(100),
		startsOn: OptionalDate,
		endsOn: OptionalDate
	}),
	v.forward(
		v.partialCheck(
			[['startsOn'], ['endsOn']],
			(input) => !input.startsOn || !input.endsOn || input.endsOn >= input.startsOn,
			'ends_before_start'
		),
		['endsOn']
	)
);

type ClassField = 'name' | 'place' | 'startsOn' | 'endsOn';

/** Reads and checks the new-class form; on failure, the first problem of each field and what was typed. */
export function parseClassForm(form: FormData): FormResult<ClassInput, ClassField> {
	const values = {
		name: text(form, 'name'),
		place: text(form, 'place'),
		startsOn: text(form, 'startsOn').trim(),
		endsOn: text(form, 'endsOn').trim()
	};
	const result = v.safeParse(ClassFormSchema, values, { abortPipeEarly: true });
	if (!result.success) {
		const errors: Partial<Record<ClassField, FieldError>> = {};
		for (const issue of result.issues) {
			const field = v.getDotPath(issue) as ClassField | null;
			if (field && !errors[field]) errors[field] = issue.message as FieldError;
		}
		return { ok: false, errors, values };
	}
	const { name, place, startsOn, endsOn } = result.output;
	return {
		ok: true,
		value: { name, place: place || null, startsOn: startsOn || null, endsOn: endsOn || null }
	};
}

type SignInField = 'email' | 'password';

/** Reads the sign-in form: both fields are needed (the password is checked elsewhere). */
export function parseSignInForm(
	form: FormData
): FormResult<{ email: string; password: string }, SignInField> {
	const values = { email: text(form, 'email').trim(), password: text(form, 'password') };
	const errors: Partial<Record<SignInField, FieldError>> = {};
	if (!values.email) errors.email = 'required';
	else if (values.email.length > 254) errors.email = 'too_long';
	if (!values.password) errors.password = 'required';
	else if (values.password.length > 1024) errors.password = 'too_long';
	if (Object.keys(errors).length) return { ok: false, errors, values: { ...values, password: '' } };
	return { ok: true, value: values };
}
