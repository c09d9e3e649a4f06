import type { App as MediaLabApp } from '$lib/server/app';
import type { Viewer } from '$server/shared/viewer';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			app: MediaLabApp;
			viewer: Viewer | null;
			sessionId: string | null;
			deviceId: string;
			locale: Locale;
		}
		interface PageData {
			locale: Locale;
			viewer: Viewer | null;
		}
		interface Error {
			message: string;
			code?: string;
			errorId?: string;
		}
	}
}

export {};
