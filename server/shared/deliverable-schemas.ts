// Input schemas for deliverables, review comments, credit choices and workshop closing; messages are `field.*` keys.
import { z } from 'zod';
import { licences } from './vocabulary';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const required = (max: number) => text(max).min(1, 'required');
const idList = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== '')));

export const deliverableStatuses = ['draft', 'review', 'published', 'withdrawn'] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];
export const creditRoles = ['author', 'facilitator', 'helper'] as const;
export type CreditRole = (typeof creditRoles)[number];
export const creditModes = ['name', 'pseudonym', 'anonymous'] as const;
export type CreditMode = (typeof creditModes)[number];

/** « Avec l'aide de » names without an account: one per line in the form. */
const helperNames = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) =>
		(Array.isArray(v) ? v : (v ?? '').split('\n'))
			.map((n) => n.trim())
			.filter((n) => n !== '')
	)
	.pipe(z.array(text(80)).max(30, 'tooMany'));

export const deliverableSchema = z.object({
	title: required(160),
	summary: text(1000).optional().default(''),
	themeIds: idList,
	/** Empty means the edition's licence. */
	licence: z
		.enum([...licences, ''], 'invalidChoice')
		.optional()
		.transform((v) => (v ? v : null)),
	helperIds: idList,
	helperNames
});
export type DeliverableInput = z.infer<typeof deliverableSchema>;

export const newDeliverableSchema = deliverableSchema.extend({ padId: required(40) });
export type NewDeliverableInput = z.infer<typeof newDeliverableSchema>;

export const deliverableCommentSchema = z.object({ body: required(2000) });

export const creditChoiceSchema = z
	.object({
		mode: z.enum(creditModes, 'invalidChoice'),
		pseudonym: text(40)
			.optional()
			.transform((v) => (v ? v : null))
	})
	.refine((c) => c.mode !== 'pseudonym' || c.pseudonym !== null, { path: ['pseudonym'], message: 'pseudonymRequired' })
	.transform((c) => ({ mode: c.mode, pseudonym: c.mode === 'pseudonym' ? c.pseudonym : null }));
export type CreditChoiceInput = z.infer<typeof creditChoiceSchema>;

/** Minutes after a workshop's end before its pads turn read-only for participants (up to a week). */
export const closeDelaySchema = z.object({ minutes: z.coerce.number('invalid').int('invalid').min(0, 'invalid').max(10080, 'tooLarge') });
