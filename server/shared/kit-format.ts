// The kit format: zod schemas for kit.json and programme.json, the JSON Schema published from them, readable issue paths.
import { z } from 'zod';
import { licences, workshopFormats } from './vocabulary';

export const guideKinds = ['guide', 'playbook', 'checklist', 'charter', 'gdpr', 'signage', 'handover'] as const;
export type GuideKind = (typeof guideKinds)[number];
export const timelinePhases = ['before', 'during', 'after'] as const;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const KIT_ID = /^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$/;
/** A relative path inside the kit folder: no `..`, no leading slash, no backslash. */
const KIT_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().max(max).default('');
const kitPath = z.string().regex(KIT_PATH, 'error.kit.field.kitPath').max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'error.kit.field.date');
const semver = z.string().regex(SEMVER, 'error.kit.field.semver');
export const kitIdSchema = z.string().regex(KIT_ID, 'error.kit.field.kitId');
const formatKey = z.enum(workshopFormats);

export const forkedFromSchema = z.object({
	kit: kitIdSchema,
	version: semver,
	edition: optionalText(160),
	territory: optionalText(120),
	date: isoDate.optional()
});
export type ForkedFrom = z.infer<typeof forkedFromSchema>;

export const manifestSchema = z.object({
	$schema: z.string().optional(),
	id: kitIdSchema,
	title: text(160),
	summary: optionalText(1000),
	version: semver,
	languages: z.array(z.string().regex(/^[a-z]{2}$/, 'error.kit.field.language')).min(1),
	licence: z.enum(licences),
	authors: z.array(z.object({ name: text(120), role: optionalText(120) })).default([]),
	credits: z.array(z.object({ name: text(120), contribution: optionalText(300) })).default([]),
	forkedFrom: forkedFromSchema.nullable().default(null),
	changelog: z.array(z.object({ version: semver, date: isoDate, changes: z.array(text(500)).min(1) })).default([]),
	guides: z.array(z.object({ file: kitPath, title: text(160), kind: z.enum(guideKinds) })).default([]),
	templates: z.array(z.object({ format: formatKey, file: kitPath, title: text(160) })).default([]),
	programme: kitPath,
	assets: z.array(z.object({ file: kitPath, title: text(160) })).default([])
});
export type KitManifest = z.infer<typeof manifestSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'error.kit.field.time');

export const programmeSchema = z.object({
	themes: z.array(z.object({ label: text(60), aliases: z.array(text(60)).max(20).default([]) })).default([]),
	tracks: z.array(z.object({ label: text(120), description: optionalText(2000) })).default([]),
	formats: z
		.array(
			z.object({
				key: formatKey,
				label: text(120),
				description: optionalText(2000),
				durationMinutes: z.number().int().min(5).max(1440),
				template: formatKey.optional()
			})
		)
		.default([]),
	roomTypes: z
		.array(z.object({ key: kitIdSchema, label: text(120), capacity: z.number().int().min(1).optional(), equipment: z.array(text(200)).default([]) }))
		.default([]),
	roles: z.array(z.object({ key: kitIdSchema, label: text(120), does: z.array(text(500)).default([]) })).default([]),
	timeline: z
		.array(z.object({ phase: z.enum(timelinePhases), when: text(40), task: text(500), owner: optionalText(120) }))
		.default([]),
	rooms: z.array(z.object({ label: text(80), type: kitIdSchema.optional() })).default([]),
	workshops: z
		.array(
			z.object({
				title: text(160),
				format: formatKey,
				track: z.string().max(120).optional(),
				themes: z.array(z.string().max(60)).default([]),
				day: z.number().int().min(1).max(31),
				start: hhmm,
				end: hhmm,
				room: z.string().max(80).optional(),
				description: optionalText(5000)
			})
		)
		.max(500)
		.default([])
});
export type KitProgramme = z.infer<typeof programmeSchema>;

/** `formats[2].durationMinutes` from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
	return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || '(root)';
}

/** The JSON Schema of kit.json, as committed in kits/kit.schema.json. */
export function kitJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-2020-12' }),
		$id: 'kit.schema.json',
		title: 'MédiaLab event kit manifest (kit.json)',
		description: 'A kit is a folder (or a zip of it) holding kit.json, programme.json, Markdown guides and documentation templates. See kits/README.md.'
	};
}

/** The committed file's exact text (a unit test and `npm run kits:check` compare it). */
export const kitSchemaText = () => `${JSON.stringify(kitJsonSchema(), null, 2)}\n`;
