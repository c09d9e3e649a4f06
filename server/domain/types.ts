// Types shared by domain services: who is asking, and the clock.
export type Viewer = {
	id: string;
	username: string | null;
	displayName: string;
	isGuest: boolean;
	isAdmin: boolean;
};

/** Milliseconds since the epoch; injected so tests can move time. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
