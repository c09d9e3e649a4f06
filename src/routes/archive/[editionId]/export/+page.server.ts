import { csvTables } from '$lib/server/presenters';
import type { PageServerLoad } from './$types';

// The CSV writer stays on the server: the page only needs the names of its tables.
export const load: PageServerLoad = () => ({ csvTables: [...csvTables] });
