/**
 * Loaded with `node --import ./tests/bench/ts-resolve.ts`: src/lib is written for the bundler
 * (extensionless relative imports), so let plain Node resolve `./ids` to `./ids.ts` (or a
 * folder's `index.ts`) and the
 * benchmarks use the same document accessors as the app.
 */
import { registerHooks } from 'node:module';

registerHooks({
	resolve(specifier, context, nextResolve) {
		try {
			return nextResolve(specifier, context);
		} catch (error) {
			if (specifier.startsWith('.') && !/\.[cm]?[jt]s$/.test(specifier)) {
				try {
					return nextResolve(`${specifier}.ts`, context);
				} catch {
					// A folder's index, as the bundler resolves `../db`.
					return nextResolve(`${specifier}/index.ts`, context);
				}
			}
			throw error;
		}
	}
});
