import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop } from './flows';
import { ClusteringPage } from './pages/clustering';

const A = 'Ingen ringer tillbaka från vårdcentralen';
const B = 'Svårt att nå vårdcentralen på telefon';

test('the page works without the suggestion engine, which loads apart from it, and says so when it cannot be fetched', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const facilitator = await browser.newContext();
	// The engine is the only script with Snowball's stemmers in it: refuse it, pass the rest.
	let refused = 0;
	await facilitator.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		if ((await response.text()).includes('newStemmer')) {
			refused++;
			return route.abort('internetdisconnected');
		}
		return route.fulfill({ response });
	});
	const f = await facilitator.newPage();
	await facilitatorCreatesWorkshop(f, 'Klustring utan förslag');
	const mia = new ClusteringPage(f);
	await mia.open(f.url());

	// The cards, moves and the rest of the page do not wait for the engine.
	await f.getByText(/Lyft fler lappar till insikter/).click();
	for (const text of [A, B]) {
		await f.getByLabel('Skriv en insikt').fill(text);
		await f.getByRole('button', { name: 'Lägg till insikt' }).click();
		await expect(mia.announcement).toHaveText('Insikten ligger i Ej sorterade.');
	}
	await mia.createAreaByKeyboard('Kontakt');
	await mia.moveByKeyboard(A, 'Kontakt');
	await mia.expectInsightIn(A, 'Kontakt');

	// What needs it says it could not be fetched, instead of waiting for ever.
	const failed =
		'Förslagen och Visa liknande kunde inte hämtas. Ladda om sidan för att försöka igen.';
	await expect(f.getByTestId('suggestions')).toContainText(failed);
	await mia
		.insight(B)
		.getByRole('button', { name: /^Visa liknande/ })
		.click();
	await expect(mia.announcement).toHaveText(failed);
	await expect(mia.insight(B).getByRole('button', { name: /^Visa liknande/ })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	expect(refused).toBeGreaterThan(0);
	await expectAccessible(f);

	// Once it can be fetched, a reload brings the suggestions back.
	await facilitator.unroute('**/_app/immutable/**/*.js');
	await f.reload();
	await expect(f.getByTestId('suggestions')).toContainText(/Förslag: \d/);
	await mia
		.insight(B)
		.getByRole('button', { name: /^Visa liknande/ })
		.click();
	await expect(mia.announcement).toHaveText(/liknande insikter markerade\.$/);
	await facilitator.close();
});
