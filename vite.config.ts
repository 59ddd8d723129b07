import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { realtimeDevPlugin } from './src/lib/server/realtime/vite-plugin.ts';
import { postgresBinDir } from './tests/helpers/postgres.ts';
import { missingForScaleOut } from './tests/helpers/scale-cluster.ts';

/**
 * The integration suite runs a second time on PostgreSQL where its binaries exist. Without them
 * it is skipped, loudly; in CI (CI=true) it runs anyway and its setup fails the run.
 */
function postgresSuite(): string[] {
	const suite = ['tests/integration/**/*.test.ts'];
	if (!process.env.VITEST || process.env.CI === 'true' || postgresBinDir()) return suite;
	console.warn(
		'\n*** integration-pg SKIPPED: no PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb).' +
			" Install Debian's `postgresql` (or set POSTGRES_BIN) to run the suite on PostgreSQL. ***\n"
	);
	return [];
}

/**
 * The scale-out test needs PostgreSQL, redis-server and haproxy from Debian. Without them it
 * is skipped, loudly; in CI it runs anyway and fails on what is missing.
 */
function scaleOutSuite(): string[] {
	const suite = ['tests/scale/**/*.test.ts'];
	if (!process.env.VITEST || process.env.CI === 'true') return suite;
	const missing = missingForScaleOut();
	if (missing.length === 0) return suite;
	console.warn(
		`\n*** scale-out SKIPPED: ${missing.join(', ')} missing. Install Debian's postgresql,` +
			' redis-server and haproxy to run it. ***\n'
	);
	return [];
}

/**
 * The production server bundles drizzle-orm, zod and libphonenumber-js (the patient-data check)
 * instead of importing them from node_modules. Node 22 parses a package's whole package.json
 * `exports` again for every file of it that it loads, and drizzle-orm's is 179 KB for 113 files:
 * about 160 MiB of garbage at start-up, which grew the heap to 109 MiB before the server had done
 * anything (docs/architecture.md, "The server's memory"). yjs, lib0 and y-protocols stay
 * external: Yjs must be one instance.
 */
function bundleForServer(): Plugin {
	return {
		name: 'samskapa-bundle-for-server',
		config: (_config, { command }) =>
			command === 'build'
				? { ssr: { noExternal: ['drizzle-orm', 'zod', 'libphonenumber-js'] } }
				: undefined
	};
}

export default defineConfig({
	plugins: [
		// Under vitest the messages are compiled already (npm run i18n); the plugin's watcher
		// would only keep the test process from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			}),
		sveltekit(),
		realtimeDevPlugin(),
		bundleForServer()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration-pg',
					environment: 'node',
					include: postgresSuite(),
					env: { TEST_STORE: 'postgres' },
					// After the SQLite run, not beside it: the two would share two cores and the
					// suite's timings with each other.
					sequence: { groupOrder: 1 },
					globalSetup: ['tests/helpers/postgres-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'scale-out',
					environment: 'node',
					include: scaleOutSuite(),
					testTimeout: 90_000,
					hookTimeout: 90_000,
					fileParallelism: false
				}
			}
		]
	}
});
