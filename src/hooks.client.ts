import type { ClientInit } from '@sveltejs/kit';
import { watch } from '$lib/forms/typed-before-hydration';

/** Runs before hydration: from here on, what a person types survives it (see restore()). */
export const init: ClientInit = () => {
	watch();
};
