import * as Y from 'yjs';
import { movePosition, plainValue, type TextDelta } from '$lib/workshop/records/collab-text';

type Field = HTMLTextAreaElement | HTMLInputElement;

/**
 * Binds a text field to a record's collaborative field (a Y.Text, read by `read` from inside
 * `within`, a map it observes deeply): every input is written at once as the characters that
 * changed (`write` gets the new value and the caret), so nothing waits for a pause or for blur
 * and an edit is in the board (and IndexedDB) before a reload; someone else's change shows at
 * once while the caret and selection stay on the same characters. A plain string (a board from
 * before the field was collaborative) or no record yet shows as it is; `write` makes the
 * Y.Text. Returns the unbinding.
 */
export function bindText<T>(
	el: Field,
	within: Y.Map<T>,
	read: () => unknown,
	write: (value: string, caret: number) => void
): () => void {
	const show = (delta?: TextDelta) => {
		const value = plainValue(read());
		const next = typeof value === 'string' ? value : '';
		// Our own write echoed back: the field already shows it.
		if (el.value === next) return;
		const focused = el.ownerDocument.activeElement === el;
		const start = el.selectionStart ?? 0;
		const end = el.selectionEnd ?? 0;
		const direction = el.selectionDirection ?? undefined;
		el.value = next;
		if (!focused) return;
		const move = (at: number) => (delta ? movePosition(delta, at) : Math.min(at, next.length));
		el.setSelectionRange(move(start), move(end), direction);
	};
	const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
		const text = read();
		const own = text instanceof Y.Text ? events.find((e) => e.target === text) : undefined;
		show(own instanceof Y.YTextEvent ? (own.delta as TextDelta) : undefined);
	};
	const oninput = () => write(el.value, el.selectionEnd ?? el.value.length);

	show();
	within.observeDeep(onChange);
	el.addEventListener('input', oninput);
	return () => {
		el.removeEventListener('input', oninput);
		within.unobserveDeep(onChange);
	};
}
