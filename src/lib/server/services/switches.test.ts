import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from './memory-workshop';
import { storedSwitchesCache } from './switches';

async function setUp() {
	const { db, tables, workshop } = await memoryWorkshop('Brytare');
	// A change that did not pass through this process's cache (another process, before this one
	// held the workshop).
	const setElsewhere = (anonymous: boolean) =>
		db.update(tables.workshops).set({ anonymous }).where(eq(tables.workshops.id, workshop.id));
	return { db, id: workshop.id, setElsewhere };
}

describe('the switches copy the realtime features read', () => {
	it('is read for every socket while the board is not held, and once while it is', async () => {
		const { db, id, setElsewhere } = await setUp();
		const switches = storedSwitchesCache(db);
		let held = false;
		await switches.load(id, () => held);
		expect(switches.get(id)?.anonymous).toBe(false);
		await setElsewhere(true);
		await switches.load(id, () => held);
		expect(switches.get(id)?.anonymous).toBe(true);
		// Held: nobody else changes the switches, and the board holds the live value.
		held = true;
		await setElsewhere(false);
		await switches.load(id, () => held);
		expect(switches.get(id)?.anonymous).toBe(true);
		// Left the process: the next socket reads the database again.
		held = false;
		await switches.load(id, () => held);
		expect(switches.get(id)?.anonymous).toBe(false);
	});

	it('is read even while the board is held when this process never read it', async () => {
		const { db, id, setElsewhere } = await setUp();
		await setElsewhere(true);
		const switches = storedSwitchesCache(db);
		await switches.load(id, () => true);
		expect(switches.get(id)?.anonymous).toBe(true);
	});
});
