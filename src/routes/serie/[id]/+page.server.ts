import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formValues } from '$lib/server/services/outcome';
import { actionStatusSchema, setActionStatus } from '$lib/server/services/series';
import { serveWorkshop } from '$lib/server/cluster/serve';
import { ownSeriesOverview } from '$lib/server/services/series-access';
import { findMembership } from '$lib/server/services/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const o = await ownSeriesOverview(event, event.params.id);
	return {
		series: { id: o.series.id, title: o.series.title },
		workshops: o.workshops,
		areas: o.areas,
		latest: o.latest,
		actions: o.actions
	};
};

export const actions: Actions = {
	/** A follow-up between workshops: one action's status in the latest workshop's plan. */
	status: async (event) => {
		const o = await ownSeriesOverview(event, event.params.id);
		const parsed = actionStatusSchema.safeParse(
			formValues(await event.request.formData(), ['workshopId', 'actionId', 'status'])
		);
		if (!parsed.success) return fail(400, { error: 'error_validation' });
		const { workshopId, actionId, status } = parsed.data;
		const inSeries = o.workshops.some((w) => w.id === workshopId);
		const user = event.locals.session!.user!;
		const membership = await findMembership(event.locals.app.db, workshopId, {
			sessionId: null,
			userId: user.id
		});
		if (!inSeries || membership?.role !== 'facilitator') error(403, m.error_forbidden());
		await serveWorkshop(event.locals.app, workshopId);
		if (!(await setActionStatus(event.locals.app, workshopId, actionId, status))) {
			return fail(404, { error: 'error_not_found' });
		}
		return { saved: actionId };
	}
};
