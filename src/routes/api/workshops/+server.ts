import { json } from '@sveltejs/kit';
import { serveWorkshop } from '$lib/server/cluster/serve';
import { workshopSchema } from '$lib/schemas';
import { apiError, linkJson, readJson, workshopJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import { failure } from '$lib/server/services/outcome';
import { startWorkshop } from '$lib/server/services/templates';
import { joinSeries, resolveSeries, seriesChoiceSchema } from '$lib/server/services/series';
import { activeLinks, getWorkshop, listFacilitatedWorkshops } from '$lib/server/services/workshops';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const user = locals.session?.user;
	if (!user) return apiError(401, 'unauthenticated');
	const workshops = (await listFacilitatedWorkshops(locals.app.db, user.id)).map(workshopJson);
	return json({ workshops });
};

export const POST: RequestHandler = async ({ locals, request, url }) => {
	const user = locals.session?.user;
	if (!user) return apiError(401, 'unauthenticated');
	const body = await readJson(request);
	const parsed = workshopSchema.safeParse(body);
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const choice = seriesChoiceSchema.safeParse(body);
	if (!choice.success) return failureResponse(invalid(choice.error));
	const { db, docs } = locals.app;
	const inSeries = await resolveSeries(db, user.id, choice.data);
	if (!inSeries.ok) return failureResponse(inSeries);
	const workshop = await startWorkshop(db, docs, user, parsed.data);
	if (!workshop) {
		return failureResponse(failure(400, 'validation', { template: 'error_template_unknown' }));
	}
	// A new workshop: nobody else holds it, so this process takes it for the series' board.
	if (inSeries.series) await serveWorkshop(locals.app, workshop.id);
	const carried = inSeries.series
		? await joinSeries(locals.app, workshop.id, inSeries.series, choice.data.carry)
		: 0;
	const placed = (await getWorkshop(db, workshop.id))!;
	const byKind = Object.fromEntries(
		(await activeLinks(db, workshop.id)).map((l) => [l.kind, linkJson(url.origin, l)])
	);
	const { participant, observer, cofacilitator } = byKind;
	return json(
		{
			workshop: workshopJson(workshop),
			series: placed.seriesId
				? { id: placed.seriesId, position: placed.seriesPosition, carried }
				: null,
			links: {
				participant: { id: participant!.id, url: participant!.url, code: participant!.code },
				observer: { id: observer!.id, url: observer!.url },
				cofacilitator: { id: cofacilitator!.id, url: cofacilitator!.url }
			}
		},
		{ status: 201 }
	);
};
