// The booklet's EPUB through EPUBCheck, the W3C's reference checker (Java; Debian package `epubcheck`, installed by scripts/test-prerequisites.mjs).
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportLabels } from '../../../src/lib/components/archive/export-labels';
import { proceedingsEpub } from '../../../server/exports/proceedings-booklet';
import { ORIGIN, labelsFr } from '../archive/archive-fixtures';
import { readStream } from '../exports/unzip';
import { publishedBooklet } from './booklet-fixtures';

const JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const hasJava = fs.existsSync(JAR) && spawnSync('java', ['-version']).status === 0;
const why = hasJava ? '' : ` (SKIPPED: EPUBCheck not found at ${JAR} or no java: apt-get install epubcheck, or set EPUBCHECK_JAR)`;

async function epubcheck(epub: Buffer): Promise<{ ok: boolean; report: string }> {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'epubcheck-')), 'booklet.epub');
	fs.writeFileSync(file, epub);
	try {
		const { stdout, stderr } = await promisify(execFile)('java', ['-XX:TieredStopAtLevel=1', '-jar', JAR, file], { timeout: 240_000 });
		return { ok: true, report: `${stdout}${stderr}` };
	} catch (e) {
		const failed = e as { stdout?: string; stderr?: string; message: string };
		return { ok: false, report: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

describe('proceedings EPUB against EPUBCheck', () => {
	it.skipIf(!hasJava)(`passes with no error nor warning, full booklet (FR) and bare booklet (EN)${why}`, { timeout: 480_000 }, async () => {
		const url = `${ORIGIN}/archive/e/proceedings/v/1`;
		const [full, bare] = await Promise.all([publishedBooklet(), publishedBooklet([], true)]);
		// One after the other: a JVM each, on a machine that may be busy with other tests.
		for (const epub of [proceedingsEpub(full, labelsFr, ORIGIN, url), proceedingsEpub(bare, exportLabels('en'), ORIGIN, url)]) {
			const { ok, report } = await epubcheck(await readStream(epub));
			expect(report).toContain('Messages: 0 fatals / 0 errors / 0 warnings');
			expect(ok, report).toBe(true);
		}
	});

	it.skipIf(!hasJava)(`fails a broken EPUB, so a pass means something${why}`, { timeout: 240_000 }, async () => {
		const view = await publishedBooklet([], true);
		const zip = await readStream(proceedingsEpub(view, labelsFr, ORIGIN, `${ORIGIN}/x`));
		// The same bytes with the package document's name changed: container.xml now points at nothing.
		const broken = Buffer.from(zip.toString('latin1').replaceAll('OEBPS/package.opf', 'OEBPS/packagx.opf'), 'latin1');
		const { ok, report } = await epubcheck(broken);
		expect(ok).toBe(false);
		expect(report).toMatch(/ERROR|FATAL/);
	});
});
