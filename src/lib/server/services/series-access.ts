import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getSeries, seriesOverview } from './series';

/**
 * A series' page and reports are its owner's (the facilitator who made it): anyone else gets
 * 404, so a series id tells a stranger nothing.
 */
export async function ownSeriesOverview(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>,
	id: string
) {
	const user = event.locals.session?.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	const found = await getSeries(event.locals.app.db, id);
	if (!found || found.ownerId !== user.id) error(404, m.error_not_found());
	return (await seriesOverview(event.locals.app, id))!;
}
