// Kits: the built-in ones, forking a kit into a new edition, an edition's kit (export, republish, edit), lineage and diff.
import { createBuiltInKits } from './built-in-kits';
import { createEditionKit } from './edition-kit';
import { createKitFork } from './kit-fork';
import { createKitLineage } from './kit-lineage';
import { createKitsContext, type KitsDeps } from './kits-context';
import type { BuiltInKit } from '../shared/kit-views';

export type { BuiltInKit };

export function createKitsService(deps: KitsDeps) {
	const context = createKitsContext(deps);
	const builtIn = createBuiltInKits(deps.kitsDir);
	const { builtInIds: _, ...builtInUseCases } = builtIn;
	return {
		...builtInUseCases,
		/** A new edition from a kit, pre-populated, with its lineage; all of it or nothing. */
		fork: createKitFork({ db: deps.db, clock: deps.clock, editions: deps.editions, structure: deps.structure, workshops: deps.workshops, repo: deps.repo }),
		...createEditionKit(context),
		...createKitLineage(context, builtIn)
	};
}
export type KitsService = ReturnType<typeof createKitsService>;
