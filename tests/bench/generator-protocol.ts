// Messages between the runner (fleet.ts) and its load-generator processes (generator-child.ts).
import type { Role } from './client';

export type RoomRef = { no: number; name: string; path: string };
export type ClientSpec = { token: string | null; role: Role; rank: number; tracked: boolean };

/** Requests with an `id` are answered; relays (`typist`, `sendTimes`) are not. */
export type GenRequest = { id?: number } & (
	| { cmd: 'add'; room: RoomRef; clients: ClientSpec[] }
	| { cmd: 'typist'; room: number; id: number }
	| { cmd: 'sendTimes'; entries: Float64Array }
	| { cmd: 'typing'; perSecond: number; caret: boolean; restart?: boolean; active: { room: number; count: number }[] }
	| { cmd: 'stopTyping' }
	| { cmd: 'window'; window: number; start: number }
	| { cmd: 'closeWindow'; window: number; end: number }
	| { cmd: 'flush' }
	| { cmd: 'summary'; window: number }
	| { cmd: 'cpu' }
	| { cmd: 'counters' }
	| { cmd: 'missing' }
	| { cmd: 'convergence' }
	| { cmd: 'closeRoom'; room: number }
	| { cmd: 'leave'; room: number; count: number }
	| { cmd: 'exit' }
);

export type GenReply =
	| { id: number; result?: unknown; error?: string; event?: undefined }
	| { event: 'ready' }
	| { event: 'typist'; room: number; id: number }
	| { event: 'sendTimes'; entries: Float64Array };

export type GenCpu = { user: number; system: number; at: number };
export type GenSummary = { samples: Float64Array; delivered: number; expected: number; announcedLateMs: number; pending: number };
export type GenCounters = { deliveredTotal: number; updateMessages: number; awarenessTotal: number; keystrokes: number; negative: number; pending: number };
export type GenMissing = { clients: number; keystrokes: number; gaps: number; closed: number };
