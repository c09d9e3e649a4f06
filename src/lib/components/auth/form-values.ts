// Reads a value sent back by a failed form action, to re-fill its field.
type Failure = { values?: Record<string, string | string[]> } | null | undefined;

export function submittedValue(form: Failure, name: string): string | undefined {
	const value = form?.values?.[name];
	return typeof value === 'string' ? value : undefined;
}
