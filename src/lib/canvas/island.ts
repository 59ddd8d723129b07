import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import {
	Tldraw,
	atom,
	createTLCurrentUser,
	getUserPreferences,
	type Editor,
	type TLUserPreferences
} from 'tldraw';
import 'tldraw/tldraw.css';
import { bindCanvas, type CanvasBindingOptions } from '$lib/realtime/canvas-binding';

/**
 * tldraw and React, mounted as an island in the canvas route's Svelte page: this module is
 * loaded with a dynamic import() from that page alone, so no other page loads tldraw. Its
 * fonts, icons and translations are the app's own files (getAssetUrlsByImport), so the canvas
 * asks no other host for anything.
 */
export interface CanvasIsland {
	/** Whether this person may draw now (the board's lock, the current step). */
	setReadonly(readonly: boolean): void;
	destroy(): void;
}

export interface CanvasIslandOptions extends Omit<CanvasBindingOptions, 'doc' | 'awareness'> {
	session: { doc: CanvasBindingOptions['doc']; awareness: CanvasBindingOptions['awareness'] };
	/** tldraw's interface language ('sv' ships with tldraw). */
	locale: string;
	/** The person's name on their cursor. */
	name: string;
	licenseKey?: string;
	readonly: boolean;
	onReady?(): void;
}

export function mountCanvas(element: HTMLElement, options: CanvasIslandOptions): CanvasIsland {
	const root = createRoot(element);
	let editor: Editor | null = null;
	let unbind: (() => void) | null = null;
	let readonly = options.readonly;
	// The person's language and name from the start (tldraw's interface reads the language once),
	// kept in this page rather than in tldraw's own storage.
	const preferences = atom<TLUserPreferences>('canvas user', {
		...getUserPreferences(),
		locale: options.locale,
		name: options.name,
		colorScheme: 'light' as const
	});
	const user = createTLCurrentUser({
		userPreferences: preferences,
		setUserPreferences: (value) => preferences.set(value)
	});
	const onMount = (mounted: Editor) => {
		editor = mounted;
		mounted.updateInstanceState({ isReadonly: readonly });
		unbind = bindCanvas(mounted, {
			...options,
			doc: options.session.doc,
			awareness: options.session.awareness
		});
		options.onReady?.();
	};
	const assetUrls = getAssetUrlsByImport();
	// tldraw fetches the English file before any other language; it is `{}` (English is built
	// in), so Vite inlines it as a data: URL, which the app's CSP (connect-src 'self') refuses,
	// and tldraw then stays in English. The main file is a real file of the app's own.
	const translations = assetUrls.translations as Record<string, string>;
	if (translations.main) translations.en = translations.main;
	root.render(
		createElement(Tldraw, {
			assetUrls,
			licenseKey: options.licenseKey,
			user,
			onMount
		})
	);
	return {
		setReadonly(value) {
			readonly = value;
			editor?.updateInstanceState({ isReadonly: value });
		},
		destroy() {
			unbind?.();
			unbind = null;
			root.unmount();
		}
	};
}
