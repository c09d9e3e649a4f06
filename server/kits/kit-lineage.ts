// A kit's family tree as the viewer may see it: upstream kits, editions that forked it, kits born from them.
import type { Viewer } from '../domain/types';
import { AppError } from '../shared/errors';
import type { BuiltInKits } from './built-in-kits';
import type { KitsContext } from './kits-context';
import { buildLineage, renderLineageSvg } from './lineage';

export function createKitLineage({ repo, kitOf }: KitsContext, { builtInIds, getBuiltIn: builtIn }: BuiltInKits) {
	function readableEditions<T extends { edition_id: string }>(viewer: Viewer | null, rows: T[]): T[] {
		return rows.filter((r) => {
			try {
				kitOf(viewer, r.edition_id, 'read');
				return true;
			} catch {
				return false;
			}
		});
	}

	return {
		/** The family tree around a kit, as data (for the text list) and as an SVG drawing. */
		lineage(viewer: Viewer | null, kitId: string, text: { title: string; desc: string }) {
			const builtInKits = new Map(builtInIds().map((id) => [id, id]));
			const describe = (id: string) => {
				if (builtInKits.has(id)) {
					try {
						const { manifest } = builtIn(id);
						return { label: manifest.title, versions: [manifest.version], href: `/kits/${id}` };
					} catch {
						return { label: id, versions: [], href: `/kits/${id}` };
					}
				}
				const owner = readableEditions(viewer, repo.listByKitId(id))[0];
				const versions = repo.listVersionsOf(id);
				return { label: id, versions: versions.length ? versions : owner ? [owner.version] : [], href: null };
			};
			const upstreamOf = (id: string): string | null => {
				if (builtInKits.has(id)) {
					try {
						return builtIn(id).manifest.forkedFrom?.kit ?? null;
					} catch {
						return null;
					}
				}
				const owner = repo.listByKitId(id)[0];
				return owner?.forked_from ? (JSON.parse(owner.forked_from) as { kit: string }).kit : null;
			};
			const graph = buildLineage(kitId, {
				upstreamOf,
				describeKit: describe,
				forksOf: (id) =>
					readableEditions(viewer, repo.listForksOf(id)).map((e) => ({
						editionId: e.edition_id,
						title: e.title,
						detail: [e.city, e.starts_on.slice(0, 4)].filter(Boolean).join(' · '),
						ownKitId: e.kit_id,
						published: repo.listVersionsOf(e.kit_id).length > 0
					}))
			});
			// A kit known only through editions the viewer cannot read stays unknown to them.
			const known = builtInKits.has(kitId) || readableEditions(viewer, [...repo.listByKitId(kitId), ...repo.listForksOf(kitId)]).length > 0;
			if (!known) throw new AppError('not_found', 'error.kit.notFound');
			return { graph, svg: renderLineageSvg(graph, text) };
		}
	};
}
