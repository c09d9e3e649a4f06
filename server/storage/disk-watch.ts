// Free space of the data directory's disk, polled and after each failed write: under a watermark, storage health goes low or critical.
import { rootLogger } from '../log';
import fs from 'node:fs';
import type { DiskLevel, StorageHealth } from '../domain/storage-health';

export type FreeSpace = { freeBytes: number; totalBytes: number };
export type StatFs = (dir: string) => Promise<FreeSpace>;
/** A watermark is reached below the smaller of `bytes` and `percent` of the disk (so it suits a 2 GB card and a 2 TB disk). */
export type Watermark = { bytes: number; percent: number };
export type Watermarks = { warn: Watermark; readOnly: Watermark };

export const defaultWatermarks: Watermarks = {
	warn: { bytes: 1024 * 1024 * 1024, percent: 5 },
	readOnly: { bytes: 100 * 1024 * 1024, percent: 1 }
};

/** Space an unprivileged process may use (root's reserved blocks excluded). */
export const statDisk: StatFs = async (dir) => {
	const s = await fs.promises.statfs(dir);
	return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

const below = (space: FreeSpace, mark: Watermark) => space.freeBytes < Math.min(mark.bytes, (space.totalBytes * mark.percent) / 100);

export function levelOf(space: FreeSpace, marks: Watermarks): DiskLevel {
	if (below(space, marks.readOnly)) return 'critical';
	return below(space, marks.warn) ? 'low' : 'ok';
}

export function describeSpace(space: FreeSpace): string {
	const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
	const percent = space.totalBytes > 0 ? ((space.freeBytes / space.totalBytes) * 100).toFixed(1) : '0';
	return `${mib(space.freeBytes)} free of ${mib(space.totalBytes)} (${percent} %)`;
}

const LOG: Record<DiskLevel, string> = {
	ok: 'free space is back above the watermarks: uploads and real-time writes resume',
	low: 'free space under the warning watermark: new uploads are refused (507) until some is freed',
	critical: 'free space under the read-only watermark: real-time rooms are read-only and uploads refused until some is freed'
};

export type DiskWatchOptions = { dir: string; health: StorageHealth; watermarks?: Watermarks; everyMs?: number; statfs?: StatFs };

export function watchDisk(options: DiskWatchOptions) {
	const { dir, health } = options;
	const marks = options.watermarks ?? defaultWatermarks;
	const statfs = options.statfs ?? statDisk;
	let checking: Promise<void> | null = null;

	async function measure() {
		try {
			const space = await statfs(dir);
			const level = levelOf(space, marks);
			if (level !== health.diskLevel) rootLogger().warn({ component: 'storage', dir, free: describeSpace(space) }, LOG[level]);
			// /api/health is public: the detail gives the figures, the log line names the directory.
			health.setDisk(level, `data directory: ${describeSpace(space)}`);
		} catch (e) {
			// Not knowing is no reason to refuse writes: the writes themselves say when they fail.
			health.setDisk(health.diskLevel, `free space of the data directory unknown (${(e as { code?: string }).code ?? 'error'})`);
		}
	}

	/** Measures now (one measurement at a time; callers during one share it). */
	function check(): Promise<void> {
		checking ??= measure().finally(() => (checking = null));
		return checking;
	}

	const timer = setInterval(() => void check(), options.everyMs ?? 10_000);
	timer.unref();
	const unsubscribe = health.onSuspect(() => void check());
	return {
		check,
		stop() {
			clearInterval(timer);
			unsubscribe();
		}
	};
}
export type DiskWatch = ReturnType<typeof watchDisk>;
