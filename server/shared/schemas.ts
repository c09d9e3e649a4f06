// Input schemas for every form and API body; their messages are message-catalogue keys under `field.*`.
import { z } from 'zod';
import { defaultTimeZone, editionStatuses, isTimeZone, licences, workshopFormats, workshopStatuses } from './vocabulary';

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const required = (max: number) => text(max).min(1, 'required');
const optionalId = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.nullable()
	.optional()
	.transform((v) => v ?? null);
/** A calendar date that exists: 2018-02-30 is refused, not rolled over to March. */
export function isRealDate(value: string): boolean {
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const parsed = new Date(Date.UTC(y, m - 1, d));
	return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}
const isRealTime = (hhmm: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm);
const date = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
	.refine(isRealDate, 'invalidDate');
const localDateTime = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDateTime')
	.refine((v) => isRealDate(v.slice(0, 10)) && isRealTime(v.slice(11)), 'invalidDateTime');
const idList = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((s) => s.trim() !== '')));

export const usernameSchema = z
	.string()
	.trim()
	.min(3, 'usernameShort')
	.max(32, 'tooLong')
	.regex(/^[a-zA-Z0-9_.-]+$/, 'usernameChars');
export const passwordSchema = z.string().min(10, 'passwordShort').max(200, 'tooLong');

export const signupSchema = z.object({
	username: usernameSchema,
	displayName: required(80),
	email: z
		.string()
		.trim()
		.max(200, 'tooLong')
		.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'invalidEmail')
		.optional()
		.transform((v) => (v ? v : null)),
	password: passwordSchema
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.object({ username: required(64), password: z.string().min(1, 'required').max(200, 'tooLong') });
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, 'required'), newPassword: passwordSchema });
export const guestSchema = z.object({ displayName: required(60) });

export const editionSchema = z
	.object({
		title: required(120),
		seriesTitle: text(120).optional().default(''),
		city: text(80).optional().default(''),
		venue: text(200).optional().default(''),
		startsOn: date,
		endsOn: date,
		description: text(5000).optional().default(''),
		licence: z.enum(licences, 'invalidChoice').default('etalab-2.0'),
		/** The edition's one clock: every time shown for it (programme, pad history, chat, deliverables) reads in this zone. */
		timeZone: z.string().refine(isTimeZone, 'invalidChoice').default(defaultTimeZone)
	})
	.refine((e) => e.endsOn >= e.startsOn, { path: ['endsOn'], message: 'endBeforeStart' });
export type EditionInput = z.infer<typeof editionSchema>;
/** An unticked checkbox sends nothing: absent means false. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
export const editionSharingSchema = z.object({ chatPublic: checkbox, workspacePublic: checkbox });
export const editionStatusSchema = z.object({ status: z.enum(editionStatuses, 'invalidChoice') });
export const editionArchiveSchema = z.object({ archived: z.enum(['on', 'off'], 'invalidChoice') });

export const themeSchema = z.object({
	label: required(60),
	aliases: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) =>
			(Array.isArray(v) ? v : (v ?? '').split(','))
				.map((a) => a.trim())
				.filter((a) => a !== '')
		)
		.pipe(z.array(text(60)).max(20, 'tooMany'))
});
export type ThemeInput = z.infer<typeof themeSchema>;

export const trackSchema = z.object({ title: required(120), lead: text(120).optional().default(''), description: text(2000).optional().default('') });
export type TrackInput = z.infer<typeof trackSchema>;

export const roomSchema = z.object({ name: required(80), venue: text(120).optional().default('') });
export type RoomInput = z.infer<typeof roomSchema>;

export const workshopSchema = z
	.object({
		title: required(160),
		format: z.enum(workshopFormats, 'invalidChoice'),
		description: text(5000).optional().default(''),
		speakers: text(300).optional().default(''),
		trackId: optionalId,
		roomId: optionalId,
		themeIds: idList,
		facilitatorIds: idList,
		startsAt: localDateTime,
		endsAt: localDateTime,
		statusOverride: z
			.union([z.enum(workshopStatuses, 'invalidChoice'), z.literal('')])
			.optional()
			.transform((v) => (v ? v : null))
	})
	.refine((w) => w.endsAt > w.startsAt, { path: ['endsAt'], message: 'endBeforeStart' });
export type WorkshopInput = z.infer<typeof workshopSchema>;

export const inviteSchema = z.object({ role: z.enum(['organiser', 'facilitator'], 'invalidChoice'), note: text(200).optional().default('') });
/** The listed speaker's name exactly as the workshop lists it. */
export const speakerClaimSchema = z.object({ name: required(300) });
export const apiTokenSchema = z.object({ name: required(80) });

export const padSchema = z.object({
	title: required(120),
	template: z
		.string()
		.trim()
		.max(60, 'tooLong')
		.optional()
		.transform((v) => (v ? v : null))
});
