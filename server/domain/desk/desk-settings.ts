// The edition's desk and wall settings (organisers only): how long pads may stay empty, and who the wall is for.
import { z } from 'zod';
import type { Db } from '../../db/open';
import { parseInput } from '../../shared/validate';
import type { AccessRules } from '../editions/access';
import type { Viewer } from '../types';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
export const deskSettingsSchema = z.object({
	emptyPadMinutes: z.coerce.number('invalid').int('invalid').min(0, 'invalid').max(600, 'invalid'),
	wallPublic: checkbox
});

export function createDeskSettings(deps: { db: Db; access: AccessRules }) {
	return {
		update(viewer: Viewer | null, editionId: string, raw: unknown) {
			deps.access.managed(viewer, editionId);
			const input = parseInput(deskSettingsSchema, raw);
			deps.db.prepare('UPDATE editions SET desk_empty_pad_minutes = ?, wall_public = ? WHERE id = ?').run(input.emptyPadMinutes, input.wallPublic ? 1 : 0, editionId);
		}
	};
}
