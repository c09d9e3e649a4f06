// Input schemas for the drive: names, folders, transcripts, upload options, limits from the environment.
import { z } from 'zod';

/** Path separators and control characters never reach a stored name (it ends up in Content-Disposition). */
const cleanName = (max: number) =>
	z
		.string()
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
		.transform((s) => s.replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim())
		.pipe(z.string().min(1, 'required').max(max, 'tooLong'));

const id = z.string().regex(/^[a-z0-9]{8,40}$/, 'invalid');

export const uploadInputSchema = z.object({
	name: cleanName(200),
	folderId: id.nullable().default(null),
	accept: z.enum(['any', 'image']).default('any')
});
export const renameSchema = z.object({ name: cleanName(200) });
export const moveSchema = z.object({ folderId: id.nullable() });
export const folderSchema = z.object({ name: cleanName(100), parentId: id.nullable().default(null) });
export const renameFolderSchema = z.object({ name: cleanName(100) });
export const moveFolderSchema = z.object({ parentId: id.nullable() });
export const TRANSCRIPT_MAX_CHARS = 200_000;
export const transcriptSchema = z.object({ transcript: z.string().max(TRANSCRIPT_MAX_CHARS, 'tooLong') });

export type DriveLimits = { uploadMaxBytes: number; workshopQuotaBytes: number };

const MB = 1024 * 1024;
/** Reads UPLOAD_MAX_BYTES and WORKSHOP_QUOTA_BYTES; throws naming the bad variable. */
/** « 25 Mo »: limits are named in error messages in whole units. */
export function describeBytes(bytes: number): string {
	if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} B`;
}
