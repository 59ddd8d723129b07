/**
 * Edits of a list of lines stored as one whole value (the sammanfattning's bullets and next
 * steps): each returns a new list and leaves the one given alone. An index out of range
 * changes nothing.
 */
export function setLine(lines: readonly string[], index: number, text: string): string[] {
	if (index < 0 || index >= lines.length) return [...lines];
	return lines.map((line, i) => (i === index ? text : line));
}

export function appendLine(lines: readonly string[], text: string): string[] {
	return [...lines, text];
}

export function removeLine(lines: readonly string[], index: number): string[] {
	return lines.filter((_, i) => i !== index);
}

/** Moves a line by `delta` places; unchanged when that would leave the list. */
export function moveLine(lines: readonly string[], index: number, delta: number): string[] {
	const to = index + delta;
	if (index < 0 || index >= lines.length || to < 0 || to >= lines.length) return [...lines];
	const out = [...lines];
	const [line] = out.splice(index, 1);
	out.splice(to, 0, line!);
	return out;
}
