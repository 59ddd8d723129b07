import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { workshopSchema } from '$lib/schemas';
import { failAction, failure, formValues, invalid } from '$lib/server/services/outcome';
import { listTemplates, startWorkshop } from '$lib/server/services/templates';
import { findMembership } from '$lib/server/services/workshops';
import { listDashboard, listSeries } from '$lib/server/services/dashboard';
import { joinSeries, resolveSeries, seriesChoiceSchema } from '$lib/server/services/series';
import { changeLifecycle, lifecycleChanges } from '$lib/server/services/lifecycle';
import { serveWorkshop } from '$lib/server/cluster/serve';
import { formatJoinCode } from '$lib/workshop/join-code';
import { workshopStatuses } from '$lib/workshop/status';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const FIELDS = ['title', 'purpose', 'date', 'template', 'series', 'seriesTitle'] as const;
const LOGIN = '/login?next=/dashboard';

/** The filter is the URL's query, so it works without JavaScript and can be bookmarked. */
const filterSchema = z.object({
	status: z.enum(workshopStatuses).optional().catch(undefined),
	series: z.string().max(64).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.session?.user;
	if (!user) redirect(303, LOGIN);
	const app = locals.app;
	const filter = filterSchema.parse({
		status: url.searchParams.get('status') || undefined,
		series: url.searchParams.get('series') || undefined
	});
	const workshops = (
		await listDashboard(
			app,
			user.id,
			{ status: filter.status, seriesId: filter.series },
			app.config.retentionClosedMonths
		)
	).map((w) => ({
		...w,
		joinCode: w.joinCode && formatJoinCode(w.joinCode),
		lastActivityAt: w.lastActivityAt?.toISOString() ?? null,
		deletedAt: w.deletedAt?.toISOString() ?? null
	}));
	const templates = (await listTemplates(app.db, user.id)).map((t) => ({
		id: t.id,
		name: t.name,
		description: t.description ?? null
	}));
	return {
		workshops,
		templates,
		series: await listSeries(app, user.id),
		filter: { status: filter.status ?? '', series: filter.series ?? '' },
		retentionMonths: app.config.retentionClosedMonths,
		deleted: url.searchParams.get('deleted') === '1'
	};
};

const lifecycleSchema = z.object({
	workshopId: z.string().min(1).max(64),
	change: z.enum(lifecycleChanges)
});

/** The workshop a lifecycle form names, when this account facilitates it; else 403/404. */
async function facilitated(event: RequestEvent, workshopId: string) {
	const user = event.locals.session?.user;
	if (!user) redirect(303, LOGIN);
	const membership = await findMembership(event.locals.app.db, workshopId, {
		sessionId: null,
		userId: user.id
	});
	if (membership?.role !== 'facilitator') error(403, 'forbidden');
	return membership;
}

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const user = locals.session?.user;
		if (!user) redirect(303, LOGIN);
		const data = await request.formData();
		const values = formValues(data, FIELDS);
		const parsed = workshopSchema.safeParse(values);
		if (!parsed.success) return failAction(invalid(parsed.error), values);
		const choice = seriesChoiceSchema.safeParse({ ...values, carry: data.getAll('carry') });
		if (!choice.success) return failAction(invalid(choice.error), values);
		const app = locals.app;
		const inSeries = await resolveSeries(app.db, user.id, choice.data);
		if (!inSeries.ok) return failAction(inSeries, values);
		const workshop = await startWorkshop(app.db, app.docs, user, parsed.data);
		if (!workshop) {
			return failAction(failure(400, 'validation', { template: 'error_template_unknown' }), values);
		}
		if (inSeries.series) {
			await serveWorkshop(app, workshop.id);
			await joinSeries(app, workshop.id, inSeries.series, choice.data.carry);
		}
		redirect(303, `/w/${workshop.id}`);
	},
	lifecycle: async (event) => {
		const parsed = lifecycleSchema.safeParse(
			formValues(await event.request.formData(), ['workshopId', 'change'])
		);
		if (!parsed.success) error(400, 'validation');
		const { workshopId, change } = parsed.data;
		await facilitated(event, workshopId);
		await serveWorkshop(event.locals.app, workshopId);
		await changeLifecycle(event.locals.app, workshopId, change);
		return { changed: { workshopId, change } };
	}
};
