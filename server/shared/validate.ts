// Turns raw input (form data, JSON) into typed values or one AppError('invalid') naming every bad field.
import type { z } from 'zod';
import { AppError, type FieldErrors } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
	const result = schema.safeParse(raw);
	if (result.success) return result.data;
	const fields: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '_');
		if (fields[field]) continue;
		fields[field] = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : issue.code === 'invalid_type' ? 'required' : 'invalid';
	}
	const names = Object.keys(fields).join(', ');
	throw new AppError('invalid', 'error.invalidInput', fields, {}, { names });
}

/** FormData -> plain object; repeated keys (checkboxes, multi-selects) become arrays. */
export function formToObject(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = values.length === 1 ? values[0]! : values;
	}
	return out;
}
