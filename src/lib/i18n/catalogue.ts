// The message catalogue: every UI string, per language, merged from one file per feature.
import type { Locale } from './locales';
import { interpolate, type Params } from './plural';
import { archive } from './messages/archive';
import { auth } from './messages/auth';
import { chat } from './messages/chat';
import { collab } from './messages/collab';
import { common } from './messages/common';
import { deliverables } from './messages/deliverables';
import { desk } from './messages/desk';
import { drive } from './messages/drive';
import { errors } from './messages/errors';
import { kitErrors } from './messages/kit-errors';
import { kits } from './messages/kits';
import { myProgramme } from './messages/my-programme';
import { organiser } from './messages/organiser';
import { pad } from './messages/pad';
import { programme } from './messages/programme';
import { programmeAdmin } from './messages/programme-admin';
import { programmeImport } from './messages/programme-import';
import { proceedings } from './messages/proceedings';
import { search } from './messages/search';
import { speakerClaims } from './messages/speaker-claims';
import { workshop } from './messages/workshop';

const fr = { ...common.fr, ...auth.fr, ...programme.fr, ...workshop.fr, ...organiser.fr, ...programmeAdmin.fr, ...pad.fr, ...chat.fr, ...drive.fr, ...deliverables.fr, ...search.fr, ...archive.fr, ...kits.fr, ...programmeImport.fr, ...collab.fr, ...errors.fr, ...kitErrors.fr, ...desk.fr, ...proceedings.fr, ...myProgramme.fr, ...speakerClaims.fr };
const en: Record<keyof typeof fr, string> = { ...common.en, ...auth.en, ...programme.en, ...workshop.en, ...organiser.en, ...programmeAdmin.en, ...pad.en, ...chat.en, ...drive.en, ...deliverables.en, ...search.en, ...archive.en, ...kits.en, ...programmeImport.en, ...collab.en, ...errors.en, ...kitErrors.en, ...desk.en, ...proceedings.en, ...myProgramme.en, ...speakerClaims.en };

export type MessageKey = keyof typeof fr;
export type { Params };
export const catalogue: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { fr, en };

export const isMessageKey = (key: string): key is MessageKey => key in fr;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const text = catalogue[locale][key] ?? catalogue.fr[key] ?? key;
	return params ? interpolate(locale, text, params) : text;
}

/** Field errors arrive as bare keys (`required`) from the server's schemas. */
export function translateFieldError(locale: Locale, key: string): string {
	const full = `field.${key}`;
	return isMessageKey(full) ? translate(locale, full) : key;
}
