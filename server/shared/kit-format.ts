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

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().max(max, `must be at most ${max} characters`).default('');
const kitPath = z.string().regex(KIT_PATH, 'must be a relative path inside the kit (no « .. », no leading « / »)').max(200, 'is too long');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const semver = z.string().regex(SEMVER, 'must be semver (e.g. 1.0.0)');
export const kitIdSchema = z.string().regex(KIT_ID, 'must be 3–64 characters among a-z, 0-9 and « - »');
const formatKey = z.enum(workshopFormats, { error: `must be one of ${workshopFormats.join(', ')}` });

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
	languages: z.array(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code')).min(1, 'must list at least one language'),
	licence: z.enum(licences, { error: `must be one of ${licences.join(', ')}` }),
	authors: z.array(z.object({ name: text(120), role: optionalText(120) })).default([]),
	credits: z.array(z.object({ name: text(120), contribution: optionalText(300) })).default([]),
	forkedFrom: forkedFromSchema.nullable().default(null),
	changelog: z.array(z.object({ version: semver, date: isoDate, changes: z.array(text(500)).min(1, 'must list at least one change') })).default([]),
	guides: z.array(z.object({ file: kitPath, title: text(160), kind: z.enum(guideKinds, { error: `must be one of ${guideKinds.join(', ')}` }) })).default([]),
	templates: z.array(z.object({ format: formatKey, file: kitPath, title: text(160) })).default([]),
	programme: kitPath,
	assets: z.array(z.object({ file: kitPath, title: text(160) })).default([])
});
export type KitManifest = z.infer<typeof manifestSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

export const programmeSchema = z.object({
	themes: z.array(z.object({ label: text(60), aliases: z.array(text(60)).max(20, 'must have at most 20 aliases').default([]) })).default([]),
	tracks: z.array(z.object({ label: text(120), description: optionalText(2000) })).default([]),
	formats: z
		.array(
			z.object({
				key: formatKey,
				label: text(120),
				description: optionalText(2000),
				durationMinutes: z.number().int('must be a whole number of minutes').min(5, 'must be at least 5').max(1440, 'must be at most 1440'),
				template: formatKey.optional()
			})
		)
		.default([]),
	roomTypes: z
		.array(z.object({ key: kitIdSchema, label: text(120), capacity: z.number().int().min(1, 'must be at least 1').optional(), equipment: z.array(text(200)).default([]) }))
		.default([]),
	roles: z.array(z.object({ key: kitIdSchema, label: text(120), does: z.array(text(500)).default([]) })).default([]),
	timeline: z
		.array(z.object({ phase: z.enum(timelinePhases, { error: 'must be before, during or after' }), when: text(40), task: text(500), owner: optionalText(120) }))
		.default([]),
	rooms: z.array(z.object({ label: text(80), type: kitIdSchema.optional() })).default([]),
	workshops: z
		.array(
			z.object({
				title: text(160),
				format: formatKey,
				track: z.string().max(120).optional(),
				themes: z.array(z.string().max(60)).default([]),
				day: z.number().int('must be a whole day number').min(1, 'must be at least 1').max(31, 'must be at most 31'),
				start: hhmm,
				end: hhmm,
				room: z.string().max(80).optional(),
				description: optionalText(5000)
			})
		)
		.max(500, 'must have at most 500 workshops')
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
