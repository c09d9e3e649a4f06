// An edition's archive to take away: the static site (zip, streamed), open data as JSON, or one CSV table.
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { orError } from '$lib/server/forms';
import { exportLabels } from '$lib/components/archive/export-labels';
import { slugify } from '$lib/server/presenters';
import { buildOpenData, csvTables, openDataCsv, type CsvTable } from '$lib/server/presenters';
import { renderStaticSite } from '$lib/server/presenters';
import { paths } from '$lib/server/presenters';
import { fileLinksOf } from '$lib/server/presenters';
import { readSiteFiles } from '$lib/server/presenters';
import { zipFiles } from '$lib/server/presenters';
import { bookletFiles } from '$lib/server/presenters';
import type { RequestHandler } from './$types';

const isTable = (name: string): name is CsvTable => (csvTables as readonly string[]).includes(name);

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const snapshot = orError(() => locals.app.archive.snapshot(params.editionId, locals.locale));
	const name = slugify(snapshot.edition.title);
	if (params.file === 'site.zip') {
		const shown = await readSiteFiles(locals.app.files, snapshot.versions.flat().flatMap((d) => fileLinksOf(d.html)));
		const last = locals.app.proceedings.lastVersion(params.editionId);
		const proceedings =
			last > 0
				? {
						view: locals.app.proceedings.read(null, params.editionId, last, locals.locale),
						url: `${url.origin}/archive/${params.editionId}/proceedings/v/${last}`,
						openData: locals.app.proceedings.openData(params.editionId)
					}
				: null;
		const site: Map<string, string | Buffer> = renderStaticSite(snapshot, exportLabels(locals.locale), url.origin, new Set(shown.keys()), proceedings);
		for (const [id, bytes] of shown) site.set(paths.file(id), bytes);
		if (proceedings) for (const [path, bytes] of await bookletFiles(proceedings.view, exportLabels(locals.locale), url.origin, proceedings.url)) site.set(path, bytes);
		const zip = zipFiles(site, `${name}/`);
		return new Response(Readable.toWeb(zip) as ReadableStream, {
			headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${name}-archive.zip"` }
		});
	}
	const data = buildOpenData(snapshot, url.origin, locals.app.proceedings.openData(params.editionId));
	if (params.file === 'open-data.json') {
		return new Response(`${JSON.stringify(data, null, 2)}\n`, {
			headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}-open-data.json"` }
		});
	}
	const table = params.file.replace(/\.csv$/, '');
	if (params.file.endsWith('.csv') && isTable(table)) {
		return new Response(openDataCsv(data, table), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}-${table}.csv"` }
		});
	}
	error(404, { message: 'unknown export', code: 'not_found' });
};
