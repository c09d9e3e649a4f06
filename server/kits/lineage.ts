// A kit's family tree (pure): upstream kits, editions that forked them, their own kits; laid out in layers and drawn as SVG.
export type LineageNode = {
	id: string;
	kind: 'kit' | 'edition';
	label: string;
	detail: string;
	href: string | null;
	children: string[];
	current: boolean;
};
export type Lineage = { rootId: string; nodes: Map<string, LineageNode> };

export type LineageSources = {
	/** A kit's upstream kit id, if it was forked from one. */
	upstreamOf: (kitId: string) => string | null;
	/** How a kit presents itself: title and versions known here. */
	describeKit: (kitId: string) => { label: string; versions: string[]; href: string | null };
	/** Editions whose kit was forked from kitId: id, title, territory and date, and the kit id they export under. */
	forksOf: (kitId: string) => { editionId: string; title: string; detail: string; ownKitId: string; published: boolean }[];
};

const MAX_DEPTH = 12;

export function buildLineage(kitId: string, sources: LineageSources): Lineage {
	let rootKit = kitId;
	const climbed = new Set([kitId]);
	for (let up = sources.upstreamOf(rootKit); up && !climbed.has(up) && climbed.size < MAX_DEPTH; up = sources.upstreamOf(rootKit)) {
		climbed.add(up);
		rootKit = up;
	}
	const nodes = new Map<string, LineageNode>();
	const addKit = (id: string, depth: number): string => {
		const key = `kit:${id}`;
		if (nodes.has(key)) return key;
		const kit = sources.describeKit(id);
		nodes.set(key, { id: key, kind: 'kit', label: kit.label, detail: `${id} ${kit.versions.join(', ')}`.trim(), href: kit.href, children: [], current: id === kitId });
		if (depth >= MAX_DEPTH) return key;
		for (const fork of sources.forksOf(id)) {
			const editionKey = `edition:${fork.editionId}`;
			if (!nodes.has(editionKey)) {
				nodes.set(editionKey, { id: editionKey, kind: 'edition', label: fork.title, detail: fork.detail, href: `/editions/${fork.editionId}`, children: [], current: false });
				// An edition's own kit shows once it was published or forked in turn.
				if (fork.ownKitId !== id && (fork.published || sources.forksOf(fork.ownKitId).length > 0)) {
					nodes.get(editionKey)!.children.push(addKit(fork.ownKitId, depth + 2));
				}
			}
			nodes.get(key)!.children.push(editionKey);
		}
		return key;
	};
	// Upstream kits form a chain down to the requested one.
	const chain = [...climbed].reverse();
	const rootId = addKit(chain[0]!, 0);
	for (let i = 1; i < chain.length; i++) {
		const parent = nodes.get(`kit:${chain[i - 1]}`)!;
		const child = addKit(chain[i]!, i);
		// Usually the child is already reached through the edition that forked it; the direct link is for the rest.
		if (!isDescendant(nodes, parent.id, child) && !isDescendant(nodes, child, parent.id)) parent.children.push(child);
	}
	return { rootId, nodes };
}

function isDescendant(nodes: Map<string, LineageNode>, from: string, target: string, seen = new Set<string>()): boolean {
	if (from === target) return true;
	if (seen.has(from)) return false;
	seen.add(from);
	return nodes.get(from)!.children.some((c) => isDescendant(nodes, c, target, seen));
}

/** Layers by depth from the root, each node placed once (at its first, shallowest position). */
export function layers(lineage: Lineage): LineageNode[][] {
	const out: LineageNode[][] = [];
	const placed = new Set<string>();
	let level = [lineage.rootId];
	while (level.length > 0) {
		const row = level.filter((id) => !placed.has(id));
		row.forEach((id) => placed.add(id));
		if (row.length === 0) break;
		out.push(row.map((id) => lineage.nodes.get(id)!));
		level = row.flatMap((id) => lineage.nodes.get(id)!.children);
	}
	return out;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const W = 220;
const H = 58;
const GAP_X = 24;
const GAP_Y = 56;

/** The tree as an accessible SVG: role="img", a title and a description; every text is escaped. */
export function renderLineageSvg(lineage: Lineage, text: { title: string; desc: string }): string {
	const rows = layers(lineage);
	const widest = Math.max(1, ...rows.map((r) => r.length));
	const width = widest * (W + GAP_X) + GAP_X;
	const height = rows.length * (H + GAP_Y) + GAP_Y / 2;
	const at = new Map<string, { x: number; y: number }>();
	rows.forEach((row, depth) => {
		const offset = (width - row.length * (W + GAP_X) + GAP_X) / 2;
		row.forEach((node, i) => at.set(node.id, { x: offset + i * (W + GAP_X), y: GAP_Y / 2 + depth * (H + GAP_Y) }));
	});
	const edges: string[] = [];
	for (const node of lineage.nodes.values()) {
		const from = at.get(node.id);
		if (!from) continue;
		for (const child of node.children) {
			const to = at.get(child);
			if (!to) continue;
			const x1 = from.x + W / 2;
			const y1 = from.y + H;
			const x2 = to.x + W / 2;
			const y2 = to.y;
			const mid = (y1 + y2) / 2;
			edges.push(`<path d="M${x1} ${y1} C${x1} ${mid} ${x2} ${mid} ${x2} ${y2 - 6}" class="edge" marker-end="url(#lineage-arrow)"/>`);
		}
	}
	const boxes = [...at].map(([id, { x, y }]) => {
		const node = lineage.nodes.get(id)!;
		const cls = `node ${node.kind}${node.current ? ' current' : ''}`;
		const shape = node.kind === 'kit' ? `<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="4"/>` : `<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="${H / 2}"/>`;
		const label = `<text x="${x + W / 2}" y="${y + 24}" class="label">${escapeXml(clip(node.label, 22))}</text>`;
		const detail = `<text x="${x + W / 2}" y="${y + 44}" class="detail">${escapeXml(clip(node.detail, 32))}</text>`;
		// A clipped name keeps its whole self as the node's tooltip.
		const clipped = clip(node.label, 22) !== node.label || clip(node.detail, 32) !== node.detail;
		const full = clipped ? `<title>${escapeXml(`${node.label} — ${node.detail}`)}</title>` : '';
		// No links inside: an image is one stop for assistive technology; the text list beside it carries the links.
		return `<g class="${cls}">${full}${shape}${label}${detail}</g>`;
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="lineage-title lineage-desc" class="lineage-graph">`,
		`<title id="lineage-title">${escapeXml(text.title)}</title>`,
		`<desc id="lineage-desc">${escapeXml(text.desc)}</desc>`,
		'<defs><marker id="lineage-arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker></defs>',
		...edges,
		...boxes,
		'</svg>'
	].join('');
}
