import type { App as SamskapaApp } from '$lib/server/app';
import type { SessionInfo } from '$lib/server/services/sessions';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			app: SamskapaApp;
			session: SessionInfo | null;
		}
	}
}

export {};
