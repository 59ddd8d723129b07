import { tick } from 'svelte';

/**
 * After the next render, focuses the first of the elements (by id) that exists and is not
 * disabled. Used where a control re-renders elsewhere (a moved column) or disappears (a
 * removed one), so keyboard focus is not dropped to the top of the page.
 */
export async function focusFirst(...ids: string[]): Promise<boolean> {
	await tick();
	for (const id of ids) {
		const el = document.getElementById(id);
		if (el && !(el as HTMLButtonElement).disabled) {
			el.focus();
			if (document.activeElement === el) return true;
		}
	}
	return false;
}
