/**
 * globalSetup of the `integration-pg` vitest project: one throwaway PostgreSQL cluster for the
 * whole run (tests/helpers/postgres.ts); each test server gets its own database in it
 * (startServer). Binaries missing: vite.config.ts has already skipped the project loudly, or, in
 * CI, this fails the run.
 */
import type { TestProject } from 'vitest/node';
import { postgresBinDir, startCluster } from './postgres.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The test cluster's superuser URL; startServer creates a database per server there. */
		postgresAdminUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const binDir = postgresBinDir();
	if (!binDir) {
		throw new Error(
			'PostgreSQL binaries are missing (no /usr/lib/postgresql/*/bin/initdb): ' +
				'`apt-get install postgresql` (.ci/run does) or set POSTGRES_BIN'
		);
	}
	const cluster = await startCluster(binDir);
	project.provide('postgresAdminUrl', cluster.adminUrl);
	return () => cluster.stop();
}
