// Calls to /assist (writing on someone's behalf): one JSON endpoint, its errors as the server's message keys.
export type AssistSession = {
	id: string;
	padId: string;
	participantId: string;
	participantName: string;
	helperName: string;
	status: 'asked' | 'accepted' | 'declined' | 'ended';
	consent: 'device' | 'markedPresent' | null;
};
export type AssistPerson = { id: string; name: string; connected: boolean };

export async function callAssist<T>(body?: Record<string, unknown>, query = ''): Promise<T> {
	const response = await fetch(`/assist${query}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const data = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
	if (!response.ok || !data) throw new Error(data?.error?.message ?? `http_${response.status}`);
	return data;
}
