import { orError } from '$lib/server/forms';
import { translate } from '$lib/i18n/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const kits = locals.app.kits;
	const title = kits.listBuiltIn().find((k) => k.id === params.kitId)?.title ?? params.kitId;
	const text = { title: translate(locals.locale, 'kits.lineage.title', { title }), desc: translate(locals.locale, 'kits.lineage.desc') };
	const { graph, svg } = orError(() => kits.lineage(locals.viewer, params.kitId, text));
	// Plain data for the text list: the tree from its root, each node once.
	const seen = new Set<string>();
	type Item = { id: string; kind: 'kit' | 'edition'; label: string; detail: string; href: string | null; current: boolean; children: Item[] };
	const tree = (id: string): Item | null => {
		if (seen.has(id)) return null;
		seen.add(id);
		const node = graph.nodes.get(id)!;
		return { ...node, children: node.children.map(tree).filter((c): c is Item => c !== null) };
	};
	return { kitId: params.kitId, title: text.title, svg, tree: tree(graph.rootId)! };
};
