import type { Handle, HandleServerError } from '@sveltejs/kit';
import { getApp, rootLogger } from '$lib/server/app';
import { refuseUnsafeRequest } from '$lib/server/request-guard';
import { setSessionCookie } from '$lib/server/session-cookie';
import { isLocale, negotiateLocale } from '$lib/i18n/locales';
import { DEVICE_COOKIE, LANG_COOKIE, SESSION_COOKIE } from '$server/shared/cookies';
import { newToken } from '$server/shared/ids';

const YEAR_S = 400 * 24 * 3600;

export const handle: Handle = async ({ event, resolve }) => {
	const refused = refuseUnsafeRequest(event);
	if (refused) return refused;
	const app = getApp();
	event.locals.app = app;

	let deviceId = event.cookies.get(DEVICE_COOKIE);
	const isApi = event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');
	if (!deviceId || !/^[a-z0-9]{32}$/.test(deviceId)) {
		deviceId = newToken();
		// Scripts reading the API need no device cookie (and it would keep shared caches from storing responses).
		if (!isApi) event.cookies.set(DEVICE_COOKIE, deviceId, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:', maxAge: YEAR_S });
	}
	event.locals.deviceId = deviceId;

	event.locals.viewer = null;
	event.locals.sessionId = null;
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer && event.url.pathname.startsWith('/api/')) {
		event.locals.viewer = app.apiTokens.authenticate(bearer);
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		const found = token ? app.sessions.validate(token) : null;
		if (found) {
			event.locals.viewer = found.viewer;
			event.locals.sessionId = found.session.id;
			if (found.fresh) setSessionCookie(event, token!, found.session.expiresAt);
		} else if (token) {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}

	const chosen = event.cookies.get(LANG_COOKIE);
	event.locals.locale = isLocale(chosen) ? chosen : negotiateLocale(event.request.headers.get('accept-language'));

	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), geolocation=(), microphone=()');
	if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	rootLogger().error({ errorId, err: error, status }, 'request failed');
	return { message: 'Internal error', errorId };
};
