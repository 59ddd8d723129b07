import { describe, expect, it } from 'vitest';
import { fieldErrors, joinSchema, profileSchema, signupSchema, workshopSchema } from './schemas';

describe('input schemas', () => {
	it('accepts a complete participant profile', () => {
		const r = profileSchema.parse({
			displayName: ' Anna ',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		});
		expect(r.displayName).toBe('Anna');
	});

	it('names the field and the message key of each error', () => {
		const r = profileSchema.safeParse({ displayName: '', profession: 'pilot', organisation: 'x' });
		expect(r.success).toBe(false);
		if (!r.success) {
			expect(fieldErrors(r.error)).toEqual({
				displayName: 'error_name_required',
				profession: 'error_profession_required',
				organisation: 'error_organisation_required'
			});
		}
	});

	it('refuses markup in display names', () => {
		const r = profileSchema.safeParse({
			displayName: '<img src=x onerror=alert(1)>',
			profession: 'annan',
			organisation: 'annan'
		});
		expect(r.success).toBe(false);
	});

	it('normalises join codes and rejects impossible ones', () => {
		const base = { displayName: 'B', profession: 'lakare', organisation: 'region' };
		expect(joinSchema.parse({ ...base, code: 'abc-def' }).code).toBe('ABCDEF');
		expect(joinSchema.safeParse({ ...base, code: 'ABC-DE0' }).success).toBe(false);
	});

	it('validates sign-up and workshop input', () => {
		expect(
			signupSchema.safeParse({ email: 'A@Example.se', password: 'short', displayName: 'A' }).success
		).toBe(false);
		expect(
			signupSchema.parse({ email: ' A@Example.se', password: 'long enough!', displayName: 'A' })
				.email
		).toBe('a@example.se');
		expect(workshopSchema.parse({ title: 'Oskar', date: '' }).date).toBeNull();
		expect(workshopSchema.safeParse({ title: 'Oskar', date: '23/4' }).success).toBe(false);
		expect(workshopSchema.safeParse({ title: '  ' }).success).toBe(false);
	});
});
