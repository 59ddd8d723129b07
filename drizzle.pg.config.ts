import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL migrations, from schema.pg.ts (drizzle.config.ts generates SQLite's). */
export default defineConfig({
	schema: './src/lib/server/db/schema.pg.ts',
	out: './drizzle/pg',
	dialect: 'postgresql',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/samskapa' },
	strict: true,
	verbose: true
});
