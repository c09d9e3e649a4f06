// The names of a workshop's `speakers` text, as the programme form and every import write it (« A, B »).
export const listedSpeakers = (speakers: string) => [...new Set(speakers.split(/\s*[,;]\s*/).map((s) => s.trim()).filter((s) => s !== ''))];
