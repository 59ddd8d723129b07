import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * `use:enhance` that, when the action fails, moves focus to the first invalid field (a radio group marks its first radio with `data-invalid`) so a
 * keyboard or screen-reader user lands on what needs fixing (the form-level error is a live
 * region and is announced either way).
 */
export const focusFirstError: SubmitFunction = ({ formElement }) => {
	return async ({ result, update }) => {
		await update({ reset: false });
		if (result.type !== 'failure') return;
		await tick();
		formElement.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]')?.focus();
	};
};
