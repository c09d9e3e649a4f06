// Real small file systems for the storage tests: a tmpfs of a given size (or read-only), mounted when the tests run as root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Mounted = { dir: string; unmount: () => void };

function tryMount(dir: string, options: string): string | null {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
		return null;
	} catch (e) {
		return String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim() || 'mount failed';
	}
}

/** Why a tmpfs cannot be mounted here (null when it can): not root, or `mount` refused (a container without CAP_SYS_ADMIN). */
export const cannotMount: string | null = (() => {
	if (process.platform !== 'linux') return `tmpfs needs Linux (this is ${process.platform})`;
	if (process.getuid?.() !== 0) return 'not running as root, so no tmpfs can be mounted';
	const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-probe-'));
	const failed = tryMount(probe, 'size=64k');
	if (failed === null) execFileSync('umount', [probe]);
	fs.rmdirSync(probe);
	return failed === null ? null : `mount refused: ${failed}`;
})();

/** Mounts a tmpfs of `sizeBytes` on a fresh directory; unmount() is safe to call twice. */
export function mountTmpfs(sizeBytes: number, options: { readOnly?: boolean } = {}): Mounted {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medialab-tmpfs-'));
	const failed = tryMount(dir, `size=${sizeBytes}${options.readOnly ? ',ro' : ''}`);
	if (failed) throw new Error(`cannot mount a tmpfs on ${dir}: ${failed}`);
	let mounted = true;
	return {
		dir,
		unmount() {
			if (!mounted) return;
			mounted = false;
			execFileSync('umount', ['-l', dir]);
			fs.rmdirSync(dir);
		}
	};
}

/** Writes zeros until the file system says ENOSPC (or `leaveBytes` would be left). */
export function fillDisk(dir: string, leaveBytes = 0): void {
	const file = path.join(dir, `filler-${Math.random().toString(36).slice(2)}`);
	const fd = fs.openSync(file, 'w');
	const chunk = Buffer.alloc(4096);
	try {
		for (;;) {
			const { bavail, bsize } = fs.statfsSync(dir);
			if (bavail * bsize <= leaveBytes) return;
			fs.writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(1, bavail * bsize - leaveBytes)));
		}
	} catch (e) {
		if ((e as { code?: string }).code !== 'ENOSPC') throw e;
	} finally {
		fs.closeSync(fd);
	}
}
