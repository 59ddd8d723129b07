/**
 * Loaded after ts-resolve.ts by benchmarks that run app modules importing `$lib/…` (the
 * report renderers): maps the SvelteKit alias to src/lib, and imports JSON files (the
 * built-in templates) as JSON, as the bundler does.
 */
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const lib = pathToFileURL(`${process.cwd()}/src/lib/`).href;

registerHooks({
	resolve(specifier, context, nextResolve) {
		if (specifier.startsWith('$lib/')) {
			const target = lib + specifier.slice('$lib/'.length);
			try {
				return nextResolve(target, context);
			} catch {
				return nextResolve(`${target}.ts`, context);
			}
		}
		const resolved = nextResolve(specifier, context);
		return resolved.url.endsWith('.json')
			? { ...resolved, importAttributes: { ...context.importAttributes, type: 'json' } }
			: resolved;
	}
});
