// Values shown in organiser forms: what the server sent back after a failed post, or the stored record.
import type { EditionView } from '$server/shared/programme-views';

export type FormValues = Record<string, string | string[] | undefined>;

/** One text value; a repeated field keeps its first value. */
export function textOf(values: FormValues | undefined, name: string): string {
	const value = values?.[name];
	return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Checkbox groups: an unticked group is absent from a posted form, so absence means « none ». */
export function listOf(values: FormValues | undefined, name: string): string[] {
	const value = values?.[name];
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** The failed post's values and errors when they belong to this record (several forms share one page). */
export function failureFor(
	form: { values?: FormValues; errors?: Record<string, string> } | null | undefined,
	recordId: string | null
): { values: FormValues; errors: Record<string, string> } | null {
	if (!form?.values || !form.errors) return null;
	const postedId = textOf(form.values, 'id') || null;
	return postedId === recordId ? { values: form.values, errors: form.errors } : null;
}

/** An edition as the values of its settings form. */
export const editionValues = (edition: EditionView): FormValues => ({
	title: edition.title,
	seriesTitle: edition.series_title ?? '',
	city: edition.city,
	venue: edition.venue,
	startsOn: edition.starts_on,
	endsOn: edition.ends_on,
	description: edition.description,
	licence: edition.licence,
	timeZone: edition.timezone
});
