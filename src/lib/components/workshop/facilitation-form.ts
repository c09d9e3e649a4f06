// What a facilitation form gets back from its action: a success marker, or a failure carrying the submitted `intent`.
export type FacilitationResult = {
	done?: string;
	errors?: Record<string, string>;
	message?: string;
	values?: Record<string, string | string[]>;
} | null;

/** The result belongs to this form when it succeeded for it, or failed while submitted from it. */
export function resultFor(result: FacilitationResult | undefined, intent: string): FacilitationResult {
	if (!result) return null;
	return result.done === intent || result.values?.intent === intent ? result : null;
}
