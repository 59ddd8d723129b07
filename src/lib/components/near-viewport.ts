import type { Attachment } from 'svelte/attachments';

/**
 * Calls `onNear` once, when the element comes within `margin` of the window (a screen ahead
 * by default, so what it reveals is laid out before anyone scrolls to it). Without
 * IntersectionObserver, at once.
 */
export function nearViewport(onNear: () => void, margin = '100% 0px'): Attachment<HTMLElement> {
	return (element) => {
		if (typeof IntersectionObserver === 'undefined') {
			onNear();
			return;
		}
		const observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((entry) => entry.isIntersecting)) return;
				observer.disconnect();
				onNear();
			},
			{ rootMargin: margin }
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
