import { csvTables, slugify } from '$lib/server/presenters';
import type { PageServerLoad } from './$types';

// The CSV writer stays on the server: the page only needs the names of its tables, and of the files it will get.
export const load: PageServerLoad = async ({ parent }) => ({ csvTables: [...csvTables], name: slugify((await parent()).archive.edition.title) });
