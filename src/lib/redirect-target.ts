// Where to go after logging in or signing up. Only same-site paths pass, so `redirectTo` cannot become an open redirect:
// `//host` and `/\host` are read by browsers as other sites, and they drop tabs and newlines before parsing.
const sameSitePath = /^\/(?![/\\])[^\s\\]*$/;

export function safeRedirectTarget(value: unknown, fallback = '/'): string {
	return typeof value === 'string' && sameSitePath.test(value) ? value : fallback;
}

/** `/login?redirectTo=…` or `/signup?redirectTo=…`, or the bare path when there is nowhere to come back to. */
export function authLink(path: '/login' | '/signup', redirectTo: string | null | undefined): string {
	return redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path;
}
