// The one door from SvelteKit into server/: the App that server/main.ts (or the dev plugin) started.
export { registeredApp as getApp } from '$server/runtime';
export type { App } from '$server/app';
export type { Viewer } from '$server/shared/viewer';
export { AppError, isAppError, httpStatusOf } from '$server/shared/errors';
export { formToObject } from '$server/shared/validate';
export { rootLogger } from '$server/log';
