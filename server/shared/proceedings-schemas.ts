// Input schemas for syntheses, citations, « En savoir + » links and proceedings drafts; messages are `field.*` keys.
import { z } from 'zod';
import { licences } from './vocabulary';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const required = (max: number) => text(max).min(1, 'required');

export const resourceKinds = ['article', 'video', 'tool', 'dataset', 'website', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceTargets = ['workshop', 'deliverable', 'synthesis'] as const;
export type ResourceTarget = (typeof resourceTargets)[number];
/** Colophon roles beyond the deliverables' own credits. */
export const colophonRoles = ['texts', 'photos', 'illustrations', 'design'] as const;
export type ColophonRole = (typeof colophonRoles)[number];

export const synthesisSchema = z.object({ title: required(160), markdown: text(100_000).optional().default('') });

export const citationSchema = z.object({
	deliverableId: required(40),
	version: z.coerce.number('invalid').int('invalid').min(1, 'invalid'),
	anchor: text(80)
		.optional()
		.default('')
		.refine((a) => a === '' || /^h\d+(-[a-z0-9-]*)?$/.test(a), 'invalid'),
	quotedText: required(4000)
});

/** Only web links: no javascript:, data: or file: addresses end up in a page. */
const webUrl = z
	.string()
	.trim()
	.max(2000, 'tooLong')
	.pipe(z.url({ protocol: /^https?$/, error: 'invalidUrl' }));

export const resourceLinkSchema = z.object({
	targetKind: z.enum(resourceTargets, 'invalidChoice'),
	targetId: required(40),
	title: required(200),
	url: webUrl,
	kind: z.enum(resourceKinds, 'invalidChoice'),
	licence: text(60)
		.optional()
		.transform((v) => (v ? v : null))
});

const names = z
	.string()
	.optional()
	.transform((v) =>
		(v ?? '')
			.split('\n')
			.map((n) => n.trim())
			.filter((n) => n !== '')
	)
	.pipe(z.array(text(80)).max(50, 'tooMany'));

export const proceedingsDraftSchema = z.object({
	introduction: text(20_000).optional().default(''),
	licence: z.enum(licences, 'invalidChoice'),
	texts: names,
	photos: names,
	illustrations: names,
	design: names
});
export type ProceedingsDraftInput = z.infer<typeof proceedingsDraftSchema>;
