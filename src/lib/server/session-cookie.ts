// Sets and clears the session cookie as the Lucia guide does: HttpOnly, SameSite=Lax, Secure over https.
import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$server/shared/cookies';

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: number): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
}

/**
 * The signed-in person, or a new guest with the display name from the form (joining needs nothing more). `link` names
 * the join link used (its code, or the workshop), which limits how fast guests are made through it.
 */
export function signedInOrNewGuest(event: RequestEvent, values: Record<string, string | string[]>, link: string) {
	if (event.locals.viewer) return event.locals.viewer;
	const guest = event.locals.app.accounts.createGuest(values, { clientId: event.locals.deviceId, link });
	startSession(event, guest.id, true);
	return guest;
}

/** Starts a session for a user (after sign-up, log-in, guest join, password change) and sets its cookie. */
export function startSession(event: RequestEvent, userId: string, isGuest: boolean): void {
	const { token, session } = event.locals.app.sessions.create(userId, isGuest);
	setSessionCookie(event, token, session.expiresAt);
	event.locals.sessionId = session.id;
}
