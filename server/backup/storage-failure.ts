// What `npm run backup` and `npm run restore` print when the disk they write to is full or read-only.
import path from 'node:path';
import { isStorageError } from '../domain/storage-health';
import { statDisk, type FreeSpace } from '../storage/disk-watch';

export type Operation = 'backup' | 'restore';
type Cause = 'full' | 'readOnly' | 'io';

function causeOf(e: unknown): Cause {
	const code = String((e as { code?: unknown }).code ?? '');
	if (/^(ENOSPC|EDQUOT|SQLITE_FULL|SQLITE_IOERR_SHMSIZE|SQLITE_IOERR_WRITE)/.test(code)) return 'full';
	if (/^(EROFS|EACCES|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN)/.test(code)) return 'readOnly';
	return 'io';
}

// A command line has no page locale: both languages, French first as everywhere in MédiaLab.
const TEXT = {
	fr: {
		cause: { full: 'son disque est plein', readOnly: 'il est en lecture seule ou ses droits ne permettent pas d’y écrire', io: 'le disque renvoie une erreur d’écriture' },
		paragraph: {
			backup:
				'La sauvegarde a échoué : impossible d’écrire dans le dossier de sauvegarde {dir}, car {cause} ({code}). Espace libre : {space}. Ce qui avait été écrit a été supprimé : il n’y a pas de sauvegarde partielle. Le serveur et ses données ne sont pas touchés. Libérez de la place sur ce disque ou choisissez un dossier sur un autre disque, puis relancez la sauvegarde.',
			restore:
				'La restauration a échoué : impossible d’écrire dans le dossier de données {dir}, car {cause} ({code}). Espace libre : {space}. Ce qui avait été restauré a été supprimé : ne démarrez pas MédiaLab sur ce dossier. La sauvegarde n’est pas touchée. Libérez de la place sur ce disque ou choisissez un autre dossier (DATA_DIR), puis relancez la restauration.'
		},
		unknownSpace: 'inconnu',
		space: (free: string, total: string) => `${free} Mio libres sur ${total} Mio`.replace(/\./g, ',')
	},
	en: {
		cause: { full: 'its disk is full', readOnly: 'it is read-only or its permissions do not allow writing', io: 'the disk reports a write error' },
		paragraph: {
			backup:
				'The backup failed: it cannot write to the backup directory {dir} because {cause} ({code}). Free space: {space}. What had been written was removed: there is no partial backup. The server and its data are untouched. Free some space on that disk or choose a directory on another disk, then run the backup again.',
			restore:
				'The restore failed: it cannot write to the data directory {dir} because {cause} ({code}). Free space: {space}. What had been restored was removed: do not start MédiaLab on that directory. The backup is untouched. Free some space on that disk or choose another directory (DATA_DIR), then run the restore again.'
		},
		unknownSpace: 'unknown',
		space: (free: string, total: string) => `${free} MiB free of ${total} MiB`
	}
} as const;

/** The paragraph in both languages; `space` is null when the disk could not be measured. */
export function explainTargetFailure(operation: Operation, dir: string, e: unknown, space: FreeSpace | null): string {
	const code = String((e as { code?: unknown }).code ?? 'unknown error');
	const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
	return (['fr', 'en'] as const)
		.map((lang) => {
			const t = TEXT[lang];
			const values: Record<string, string> = {
				dir,
				cause: t.cause[causeOf(e)],
				code,
				space: space ? t.space(mib(space.freeBytes), mib(space.totalBytes)) : t.unknownSpace
			};
			return t.paragraph[operation].replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
		})
		.join('\n\n');
}

/** Measures the target's disk (or the nearest existing parent's) and explains; null when `e` is not a storage error. */
export async function targetStorageFailure(operation: Operation, dir: string, e: unknown): Promise<string | null> {
	if (!isStorageError(e)) return null;
	let space: FreeSpace | null = null;
	for (let d = dir; space === null; d = path.dirname(d)) {
		space = await statDisk(d).catch(() => null);
		if (d === path.dirname(d)) break;
	}
	return explainTargetFailure(operation, dir, e, space);
}
