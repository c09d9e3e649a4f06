// What the account pages see: a personal API token as listed (never its secret).
export type ApiTokenRow = { id: string; name: string; created_at: string; last_used_at: string | null };
