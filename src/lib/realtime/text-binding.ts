import * as Y from 'yjs';
import { movePosition, plainValue, type TextDelta } from '$lib/workshop/records/collab-text';

type Field = HTMLTextAreaElement | HTMLInputElement;

/**
 * Binds a text field to a record's collaborative field (a Y.Text): every input is written at
 * once as the characters that changed (`write` gets the new value and the caret), so nothing
 * waits for a pause or for blur and an edit is in the board (and IndexedDB) before a reload;
 * someone else's change shows at once while the caret and selection stay on the same
 * characters. A plain string (a board from before the field was collaborative) is shown and
 * becomes a Y.Text on the first edit. Returns the unbinding.
 */
export function bindText(
	el: Field,
	map: Y.Map<unknown>,
	field: string,
	write: (value: string, caret: number) => void
): () => void {
	let text: Y.Text | null = null;

	const show = (delta?: TextDelta) => {
		const value = plainValue(map.get(field));
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
	const onText = (event: Y.YTextEvent) => show(event.delta as TextDelta);
	const follow = () => {
		const value = map.get(field);
		const next = value instanceof Y.Text ? value : null;
		if (next === text) return;
		text?.unobserve(onText);
		text = next;
		text?.observe(onText);
	};
	const onMap = (event: Y.YMapEvent<unknown>) => {
		if (!event.keysChanged.has(field)) return;
		follow();
		show();
	};
	const oninput = () => write(el.value, el.selectionEnd ?? el.value.length);

	follow();
	show();
	map.observe(onMap);
	el.addEventListener('input', oninput);
	return () => {
		el.removeEventListener('input', oninput);
		map.unobserve(onMap);
		text?.unobserve(onText);
	};
}
