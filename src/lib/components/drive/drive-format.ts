// Sizes and error messages for the drive UI, in the page's language.
import type { MessageKey } from '$lib/i18n/index.svelte';
import type { DriveError } from './drive-client';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function formatBytes(bytes: number, locale: string): string {
	const units = locale === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	const digits = unit === 0 || value >= 10 ? 0 : 1;
	return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

export function driveErrorMessage(error: DriveError, t: Translate, locale: string): string {
	const limit = Number(error.fields.limitBytes);
	if (error.fields.file === 'fileTooLarge') return t('drive.error.fileTooLarge', { limit: formatBytes(limit, locale) });
	if (error.fields.file === 'quotaExceeded') return t('drive.error.quotaExceeded', { limit: formatBytes(limit, locale) });
	if (error.fields.file === 'notAnImage') return t('drive.error.notAnImage');
	if (error.fields.file === 'storageFull') return t('drive.error.storageFull');
	if (error.fields.parentId === 'folderCycle') return t('drive.error.folderCycle');
	if (error.fields.folderId === 'folderTrashed' || error.fields.parentId === 'folderTrashed') return t('drive.error.folderTrashed');
	if (error.code === 'network') return t('drive.error.network');
	return t('drive.error.generic', { message: error.message });
}
