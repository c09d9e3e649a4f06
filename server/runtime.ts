// Hands the running App to the SvelteKit handler. The production server is built with the handler in one bundle
// (svelte.config.js) and `vite dev` loads both through one module graph, so this module, like every other, exists
// once: a module variable is enough, no global.
import type { App } from './app';

let running: App | null = null;

export function registerApp(app: App): void {
	running = app;
}

export function registeredApp(): App {
	if (!running) throw new Error('MédiaLab is not started: run it with `npm start` (or `npm run dev`), not the bare SvelteKit handler');
	return running;
}
