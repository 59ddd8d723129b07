import { eq } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';

export async function getSetting(db: DB, key: string): Promise<string | undefined> {
	const { settings } = tablesOf(db);
	const [row] = await db.select().from(settings).where(eq(settings.key, key));
	return row?.value;
}

/** Returns the stored value, creating it with `make()` the first time. */
export async function ensureSetting(db: DB, key: string, make: () => string): Promise<string> {
	const existing = await getSetting(db, key);
	if (existing !== undefined) return existing;
	const value = make();
	const { settings } = tablesOf(db);
	await db.insert(settings).values({ key, value }).onConflictDoNothing();
	return (await getSetting(db, key)) ?? value;
}
