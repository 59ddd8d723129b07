import type { RealtimeHooks } from '../../src/lib/server/realtime/hooks';
import type { Membership } from '../../src/lib/server/services/workshops';

/**
 * Hooks for a bare RealtimeServer in tests: `?token=` names the member, everyone writes
 * anything to any document, and no feature runs.
 */
export function openHooks(features: RealtimeHooks['features'] = []): RealtimeHooks {
	return {
		authenticate(req, docName) {
			const id = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? 'anon';
			const membership = {
				id,
				workshopId: 'w',
				role: 'participant',
				displayName: id,
				profession: '',
				organisation: ''
			} as Membership;
			return {
				ok: true,
				session: { docName, room: { kind: 'board', workshopId: 'w' }, membership }
			};
		},
		judge: () => 'any',
		features
	};
}
