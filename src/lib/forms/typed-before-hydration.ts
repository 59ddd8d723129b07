/**
 * Keeps what a person typed before the page hydrated. Until the JavaScript arrives the forms
 * work on their own (they are real forms), but hydration sets every control to the value the
 * server rendered, which would wipe a code or a name typed on a slow phone. `watch()` runs in
 * the client `init` hook (before hydration): it notes the controls already changed and every
 * change from then on; `restore()` runs once the app is mounted and puts those values back,
 * with `input`/`change` events so bound state follows.
 */
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Typed = { value: string; checked: boolean; selected: boolean[] };

const typed = new Map<Control, Typed>();
let watching = false;

function isControl(target: EventTarget | null): target is Control {
	// A chosen file survives hydration, and its value cannot be set back anyway.
	if (target instanceof HTMLInputElement) return target.type !== 'file';
	return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

function read(control: Control): Typed {
	return {
		value: control.value,
		checked: control instanceof HTMLInputElement && control.checked,
		selected:
			control instanceof HTMLSelectElement ? [...control.options].map((o) => o.selected) : []
	};
}

function isToggle(control: Control): control is HTMLInputElement {
	return (
		control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')
	);
}

/** True when the person changed the control from what the page was served with. */
function changed(control: Control): boolean {
	if (control instanceof HTMLSelectElement) {
		return [...control.options].some((o) => o.selected !== o.defaultSelected);
	}
	if (isToggle(control)) {
		return control.checked !== control.defaultChecked;
	}
	return control.value !== control.defaultValue;
}

function remember(event: Event) {
	if (!watching || !isControl(event.target)) return;
	typed.set(event.target, read(event.target));
	// A radio change unchecks its group's others: note them too.
	if (
		event.target instanceof HTMLInputElement &&
		event.target.type === 'radio' &&
		event.target.form
	) {
		for (const other of event.target.form.querySelectorAll<HTMLInputElement>(
			`input[type=radio][name="${CSS.escape(event.target.name)}"]`
		)) {
			typed.set(other, read(other));
		}
	}
}

/** Starts noting what is typed (call before hydration). */
export function watch() {
	watching = true;
	for (const control of document.querySelectorAll<Control>('input, select, textarea')) {
		if (isControl(control) && changed(control)) typed.set(control, read(control));
	}
	document.addEventListener('input', remember, true);
	document.addEventListener('change', remember, true);
}

function apply(control: Control, was: Typed): boolean {
	if (control instanceof HTMLSelectElement) {
		const options = [...control.options];
		if (options.every((o, i) => o.selected === was.selected[i])) return false;
		options.forEach((o, i) => (o.selected = was.selected[i] ?? false));
		return true;
	}
	if (isToggle(control)) {
		if (control.checked === was.checked) return false;
		control.checked = was.checked;
		return true;
	}
	if (control.value === was.value) return false;
	control.value = was.value;
	return true;
}

/** Puts back what was typed before hydration and stops watching (call once mounted). */
export function restore() {
	watching = false;
	document.removeEventListener('input', remember, true);
	document.removeEventListener('change', remember, true);
	for (const [control, was] of typed) {
		if (!control.isConnected || !apply(control, was)) continue;
		const text = !(control instanceof HTMLSelectElement) && !isToggle(control);
		control.dispatchEvent(new Event(text ? 'input' : 'change', { bubbles: true }));
	}
	typed.clear();
}
