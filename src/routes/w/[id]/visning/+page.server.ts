import QRCode from 'qrcode';
import { joinUrl } from '$lib/workshop/presenting';
import { load as workshopLoad } from '../+layout.server';
import type { PageServerLoad } from './$types';

/**
 * The presenting view leaves the workshop's layout (its tabs and controls) for a window of its
 * own, but lets in exactly whom the layout lets in: any member of the workshop. The join code
 * and its QR code are the facilitators' (as the invitation panel is); the QR code is drawn
 * here, so no outside service ever sees the workshop's code.
 */
export const load = (async (event) => {
	// The same check, redirects and refusals as every page in the layout (only the route id's
	// type differs).
	const { workshop, me, invite } = await workshopLoad(
		event as unknown as Parameters<typeof workshopLoad>[0]
	);
	const link = invite?.links.find((l) => l.kind === 'participant' && l.code !== null) ?? null;
	const join =
		link?.code && invite
			? {
					code: link.code,
					page: invite.joinUrl,
					qrSvg: await QRCode.toString(joinUrl(event.url.origin, link.code), {
						type: 'svg',
						margin: 2,
						errorCorrectionLevel: 'M',
						color: { dark: '#000000', light: '#ffffff' }
					})
				}
			: null;
	// The root layout leaves out the site's header (its language menu and logout): a projector
	// shows no control.
	return { workshop, me, join, presenting: true as const };
}) satisfies PageServerLoad;
