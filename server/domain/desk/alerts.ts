// The desk's alerts for one workshop tile, and their ranking by urgency: pure functions of the tile and the clock.
import type { WorkshopStatus } from '../../shared/vocabulary';

export type AlertKind = 'helpRequest' | 'chatModeration' | 'emptyPads' | 'idlePad' | 'fileFailed' | 'noDeliverable';
export type DeskAlert = { kind: AlertKind; workshopId: string; since: number; count?: number };

/**
 * Most urgent first: a person waiting, then a reported message (it stays on screen until handled), then a live room
 * that has not started, then one that stalled, then files the drive could not process, then paperwork.
 */
const urgency: Record<AlertKind, number> = { helpRequest: 0, chatModeration: 1, emptyPads: 2, idlePad: 3, fileFailed: 4, noDeliverable: 5 };

export type TileFacts = {
	workshopId: string;
	status: WorkshopStatus;
	/** When the slot started and ended, in ms (edition-local times read as instants). */
	startedAt: number;
	endedAt: number;
	pads: { written: boolean; lastEditAt: number | null }[];
	hasDeliverable: boolean;
	openHelp: { createdAt: number }[];
	/** Chat messages reported and not yet hidden or dismissed: how many, and the oldest report's time. */
	reported?: { count: number; since: number } | null;
	/** Files of the drive (not in the bin) whose preview or text extraction failed: how many, and the first failure's time. */
	failedFiles?: { count: number; since: number } | null;
};

export type AlertSettings = { emptyPadMinutes: number; idlePadMinutes: number; closeDelayMinutes: number };
export const IDLE_PAD_MINUTES = 10;

const MINUTE = 60_000;

export function alertsOf(tile: TileFacts, now: number, settings: AlertSettings): DeskAlert[] {
	const alerts: DeskAlert[] = [];
	const id = tile.workshopId;
	if (tile.openHelp.length > 0) alerts.push({ kind: 'helpRequest', workshopId: id, since: Math.min(...tile.openHelp.map((h) => h.createdAt)), count: tile.openHelp.length });
	if (tile.reported && tile.reported.count > 0) alerts.push({ kind: 'chatModeration', workshopId: id, since: tile.reported.since, count: tile.reported.count });
	if (tile.failedFiles && tile.failedFiles.count > 0) alerts.push({ kind: 'fileFailed', workshopId: id, since: tile.failedFiles.since, count: tile.failedFiles.count });
	if (tile.status === 'live') {
		const emptySince = tile.startedAt + settings.emptyPadMinutes * MINUTE;
		if (!tile.pads.some((p) => p.written) && now >= emptySince) alerts.push({ kind: 'emptyPads', workshopId: id, since: tile.startedAt });
		const lastEdit = Math.max(...tile.pads.map((p) => p.lastEditAt ?? -Infinity));
		if (Number.isFinite(lastEdit) && now - lastEdit >= settings.idlePadMinutes * MINUTE) alerts.push({ kind: 'idlePad', workshopId: id, since: lastEdit });
	}
	if (tile.status === 'closed' && !tile.hasDeliverable && now >= tile.endedAt + settings.closeDelayMinutes * MINUTE) {
		alerts.push({ kind: 'noDeliverable', workshopId: id, since: tile.endedAt });
	}
	return alerts;
}

/** By urgency, then the longest-standing first. */
export function rankAlerts(alerts: DeskAlert[]): DeskAlert[] {
	return [...alerts].sort((a, b) => urgency[a.kind] - urgency[b.kind] || a.since - b.since);
}
