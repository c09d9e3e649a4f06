// Hands the running App to the SvelteKit handler, which is bundled separately from the Node server code.
import type { App } from './app';

const key = Symbol.for('medialab.app');
type Holder = { [key]?: App };

export function registerApp(app: App): void {
	(globalThis as Holder)[key] = app;
}

export function registeredApp(): App {
	const app = (globalThis as Holder)[key];
	if (!app) throw new Error('MédiaLab is not started: run it with `npm start` (or `npm run dev`), not the bare SvelteKit handler');
	return app;
}
