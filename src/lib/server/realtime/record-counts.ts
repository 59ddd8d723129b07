import * as Y from 'yjs';
import type { RecordDeclaration } from '$lib/workshop/records/declare';

/**
 * How many records a document holds, in all and per owner, kept up to date from each
 * transaction's changed keys so the caps cost nothing per update.
 */
export class RecordCounts {
	total = 0;
	#owners = new Map<RecordDeclaration, Map<string, string | null>>();
	#perOwner = new Map<RecordDeclaration, Map<string, number>>();
	/**
	 * The record each counted root map holds. The constructor makes every one a Y.Map, which
	 * stays that object in `share` for the document's life, so a transaction's changed types
	 * find their record without a walk over every declaration.
	 */
	#roots = new Map<unknown, { record: RecordDeclaration; root: Y.Map<unknown> }>();

	constructor(doc: Y.Doc, records: readonly RecordDeclaration[]) {
		for (const record of records) {
			if (record.shape === 'singleton') continue;
			this.#owners.set(record, new Map());
			this.#perOwner.set(record, new Map());
			const root = doc.getMap<unknown>(record.root);
			this.#roots.set(root, { record, root });
			root.forEach((value, key) => this.#set(record, key, value));
		}
		doc.on('afterTransaction', (tr: Y.Transaction) => this.track(tr));
	}

	/** Records owned by `owner` of this type. */
	owned(record: RecordDeclaration, owner: string): number {
		return this.#perOwner.get(record)?.get(owner) ?? 0;
	}

	/** Recounts the keys a transaction changed (again after the judge took a refused one out). */
	track(tr: Y.Transaction) {
		tr.changed.forEach((keys, type) => {
			const counted = this.#roots.get(type);
			if (counted === undefined) return;
			const { record, root } = counted;
			for (const key of keys) {
				if (key === null) continue;
				this.#unset(record, key);
				const value = root.get(key);
				if (value !== undefined) this.#set(record, key, value);
			}
		});
	}

	#set(record: RecordDeclaration, key: string, value: unknown) {
		const get = (f: string) =>
			record.shape === 'entry' ? value : value instanceof Y.Map ? value.get(f) : undefined;
		const owner = record.owner(key, get);
		this.#owners.get(record)!.set(key, owner);
		this.total++;
		if (owner === null) return;
		const counts = this.#perOwner.get(record)!;
		counts.set(owner, (counts.get(owner) ?? 0) + 1);
	}

	#unset(record: RecordDeclaration, key: string) {
		const owners = this.#owners.get(record)!;
		if (!owners.has(key)) return;
		const owner = owners.get(key)!;
		owners.delete(key);
		this.total--;
		if (owner === null) return;
		const counts = this.#perOwner.get(record)!;
		const n = (counts.get(owner) ?? 1) - 1;
		if (n === 0) counts.delete(owner);
		else counts.set(owner, n);
	}
}
