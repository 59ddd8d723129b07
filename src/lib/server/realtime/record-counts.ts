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

	constructor(
		private readonly doc: Y.Doc,
		private readonly records: readonly RecordDeclaration[]
	) {
		for (const record of records) {
			if (record.shape === 'singleton') continue;
			this.#owners.set(record, new Map());
			this.#perOwner.set(record, new Map());
			doc.getMap<unknown>(record.root).forEach((value, key) => this.#set(record, key, value));
		}
		doc.on('afterTransaction', (tr: Y.Transaction) => this.track(tr));
	}

	/** Records owned by `owner` of this type. */
	owned(record: RecordDeclaration, owner: string): number {
		return this.#perOwner.get(record)?.get(owner) ?? 0;
	}

	/** Recounts the keys a transaction changed (again after the judge took a refused one out). */
	track(tr: Y.Transaction) {
		for (const record of this.#owners.keys()) {
			// The constructor made every record's root map, which stays in `share` (getMap would
			// look it up the same way, with more checks).
			const shared = this.doc.share.get(record.root);
			const root = shared instanceof Y.Map ? shared : this.doc.getMap<unknown>(record.root);
			const keys = tr.changed.get(root as never);
			if (!keys) continue;
			for (const key of keys) {
				if (key === null) continue;
				this.#unset(record, key);
				const value = root.get(key);
				if (value !== undefined) this.#set(record, key, value);
			}
		}
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
