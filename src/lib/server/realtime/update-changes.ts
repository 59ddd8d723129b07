import * as decoding from 'lib0/decoding';

/**
 * Counts the changes a Yjs update (v1) carries: client groups, structs, values inside them
 * beyond the first, and delete ranges, without building a struct. Applying an update costs the server time per change, not
 * per byte (a million one-value structs, 14 MB, block the event loop for about 14 s in the
 * judge and the room), so the room bounds changes per message and charges its back-pressure
 * by them. Stops counting once past `max` and returns `max + 1`; throws on an update it cannot
 * read (Yjs would refuse it as well).
 */
export function countUpdateChanges(update: Uint8Array, max = Number.MAX_SAFE_INTEGER): number {
	const d = decoding.createDecoder(update);
	let count = 0;
	const add = (n: number) => {
		count += n;
		if (count > max) throw past;
	};
	try {
		const clients = decoding.readVarUint(d);
		for (let c = 0; c < clients; c++) {
			add(1); // a client's group costs Yjs work even when it holds no struct
			const structs = decoding.readVarUint(d);
			decoding.readVarUint(d); // client
			decoding.readVarUint(d); // clock
			for (let s = 0; s < structs; s++) {
				add(1);
				skipStruct(d, add);
			}
		}
		const deleted = decoding.readVarUint(d);
		for (let c = 0; c < deleted; c++) {
			add(1);
			decoding.readVarUint(d); // client
			const ranges = decoding.readVarUint(d);
			for (let r = 0; r < ranges; r++) {
				add(1);
				decoding.readVarUint(d);
				decoding.readVarUint(d);
			}
		}
	} catch (error) {
		if (error === past) return max + 1;
		throw error;
	}
	return count;
}

const past = new Error('past the limit');

/** A struct id: client and clock. */
function skipId(d: decoding.Decoder) {
	decoding.readVarUint(d);
	decoding.readVarUint(d);
}

/** A string, JSON text or byte buffer: skipped without decoding it. */
const skipBytes = (d: decoding.Decoder) => void decoding.readVarUint8Array(d);

function skipStruct(d: decoding.Decoder, add: (n: number) => void) {
	const info = decoding.readUint8(d);
	const ref = info & 0x1f;
	if (ref === 0 || ref === 10) {
		decoding.readVarUint(d); // GC or Skip: a length
		return;
	}
	if (info & 0x80) skipId(d); // origin
	if (info & 0x40) skipId(d); // right origin
	if ((info & 0xc0) === 0) {
		// parent: a root type's name, or an item's id
		if (decoding.readVarUint(d) === 1) skipBytes(d);
		else skipId(d);
		if (info & 0x20) skipBytes(d); // parentSub
	}
	switch (ref) {
		case 1: // deleted: a length
			decoding.readVarUint(d);
			return;
		case 2: {
			// JSON: a list of texts (values past the first cost like structs)
			const n = decoding.readVarUint(d);
			add(Math.max(0, n - 1));
			for (let i = 0; i < n; i++) skipBytes(d);
			return;
		}
		case 3: // binary
		case 4: // string
		case 5: // embed (JSON text)
			skipBytes(d);
			return;
		case 6: // format: key and JSON text
			skipBytes(d);
			skipBytes(d);
			return;
		case 7: {
			// a type; XML elements and hooks carry a name
			const type = decoding.readVarUint(d);
			if (type === 3 || type === 5) skipBytes(d);
			return;
		}
		case 8: {
			// any: a list of values (a map entry holds one; more cost like structs)
			const n = decoding.readVarUint(d);
			add(Math.max(0, n - 1));
			for (let i = 0; i < n; i++) decoding.readAny(d);
			return;
		}
		case 9: // a subdocument: guid and options
			skipBytes(d);
			decoding.readAny(d);
			return;
		default:
			throw new Error(`unknown content ${ref}`);
	}
}
