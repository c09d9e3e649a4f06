// Input schemas for the kit pages: republishing, adaptation notes, editing a kit document; messages are `field.*` keys.
import { z } from 'zod';
import { workshopFormats } from './vocabulary';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const checkbox = z
	.union([z.string(), z.boolean()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

export const kitExportSchema = z.object({ examples: checkbox });

/** One changelog line per line of the textarea; at least one is required. */
export const kitRepublishSchema = z.object({
	bump: z.enum(['major', 'minor', 'patch'], 'invalidChoice'),
	changes: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) =>
			(Array.isArray(v) ? v : (v ?? '').split('\n'))
				.map((line) => line.replace(/^\s*[-*]\s*/, '').trim())
				.filter((line) => line !== '')
		)
		.pipe(z.array(text(500)).min(1, 'changelogRequired').max(50, 'tooMany'))
});

export const kitNotesSchema = z.object({ notes: text(20_000).optional().default('') });

export const kitDocumentSchema = z.object({
	path: z.string().trim().min(1, 'required').max(200, 'tooLong'),
	title: text(160).min(1, 'required'),
	body: z.string().max(200_000, 'tooLong')
});

export const kitTemplateSchema = z.object({
	format: z.enum(workshopFormats, 'invalidChoice'),
	title: text(160).min(1, 'required'),
	body: z.string().max(200_000, 'tooLong')
});

export const kitChoiceSchema = z.object({ kit: z.string().trim().min(1, 'required').max(64, 'tooLong') });
