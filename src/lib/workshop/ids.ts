/** A random, URL-safe id (128 bits), usable in browsers and in Node. */
export function newId(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out;
}
