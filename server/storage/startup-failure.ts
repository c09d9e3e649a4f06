// What the server prints, instead of a stack, when it cannot start because its data directory's disk is full or read-only.
import path from 'node:path';
import { statDisk, type FreeSpace } from './disk-watch';
import { isStorageError } from '../domain/storage-health';

/** EX_TEMPFAIL (sysexits.h): try again later, once the disk has room; a supervisor may restart on its own. */
export const STORAGE_EXIT_CODE = 75;

type Cause = 'full' | 'readOnly' | 'io';

function causeOf(e: unknown): Cause {
	const code = String((e as { code?: unknown }).code ?? '');
	if (/^(ENOSPC|EDQUOT|SQLITE_FULL|SQLITE_IOERR_SHMSIZE|SQLITE_IOERR_WRITE)/.test(code)) return 'full';
	if (/^(EROFS|EACCES|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN)/.test(code)) return 'readOnly';
	return 'io';
}

// The server has no page locale: both languages, French first as everywhere in MédiaLab.
const TEXT: Record<'fr' | 'en', { cause: Record<Cause, string>; paragraph: string; unknownSpace: string; space: (free: string, total: string, percent: string) => string }> = {
	fr: {
		cause: { full: 'son disque est plein', readOnly: 'il est en lecture seule ou ses droits ne permettent pas d’y écrire', io: 'le disque renvoie une erreur d’écriture' },
		paragraph:
			'MédiaLab ne peut pas démarrer : il ne peut pas écrire dans son dossier de données {dir}, car {cause} ({code}). Espace libre : {space}. Libérez de la place sur ce disque (ou rendez le dossier accessible en écriture, ou indiquez un autre dossier avec DATA_DIR), puis relancez MédiaLab. Les données déjà enregistrées ne sont pas touchées.',
		unknownSpace: 'inconnu',
		space: (free, total, percent) => `${free} Mio libres sur ${total} Mio (${percent} %)`.replace(/\./g, ',')
	},
	en: {
		cause: { full: 'its disk is full', readOnly: 'it is read-only or its permissions do not allow writing', io: 'the disk reports a write error' },
		paragraph:
			'MédiaLab cannot start: it cannot write to its data directory {dir} because {cause} ({code}). Free space: {space}. Free some space on that disk (or make the directory writable, or point DATA_DIR to another one), then start MédiaLab again. Data already stored is untouched.',
		unknownSpace: 'unknown',
		space: (free, total, percent) => `${free} MiB free of ${total} MiB (${percent} %)`
	}
};

function spaceIn(t: (typeof TEXT)['fr'], space: FreeSpace): string {
	const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
	const percent = space.totalBytes > 0 ? ((space.freeBytes / space.totalBytes) * 100).toFixed(1) : '0.0';
	return t.space(mib(space.freeBytes), mib(space.totalBytes), percent);
}

/** The paragraph in both languages; `space` is null when the disk could not even be measured. */
export function explainStorageFailure(dataDir: string, e: unknown, space: FreeSpace | null): string {
	const code = String((e as { code?: unknown }).code ?? 'unknown error');
	return (['fr', 'en'] as const)
		.map((lang) => {
			const t = TEXT[lang];
			const values: Record<string, string> = { dir: dataDir, cause: t.cause[causeOf(e)], code, space: space ? spaceIn(t, space) : t.unknownSpace };
			return t.paragraph.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
		})
		.join('\n\n');
}

/** The message for a start-up error caused by storage, or null for any other error (which keeps its stack). */
export async function startupStorageFailure(dataDir: string, e: unknown): Promise<string | null> {
	if (!isStorageError(e)) return null;
	// The directory may not exist yet (it could not be created): measure the nearest one that does.
	let space: FreeSpace | null = null;
	for (let dir = dataDir; space === null; dir = path.dirname(dir)) {
		space = await statDisk(dir).catch(() => null);
		if (dir === path.dirname(dir)) break;
	}
	return explainStorageFailure(dataDir, e, space);
}
