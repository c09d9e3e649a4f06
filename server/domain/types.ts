// Types shared by domain services: who is asking (a browser-safe contract, defined in shared/), and the clock.
export type { Viewer } from '../shared/viewer';

/** Milliseconds since the epoch; injected so tests can move time. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
