import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { settings } from '../db/schema';

export function getSetting(db: DB, key: string): string | undefined {
	return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** Returns the stored value, creating it with `make()` the first time. */
export function ensureSetting(db: DB, key: string, make: () => string): string {
	const existing = getSetting(db, key);
	if (existing !== undefined) return existing;
	const value = make();
	db.insert(settings).values({ key, value }).onConflictDoNothing().run();
	return getSetting(db, key) ?? value;
}
