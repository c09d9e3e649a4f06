// What the public archive reads: published deliverables as the deliverables service hands them out; the views are in shared/.
import type { createPublishedReader } from '../deliverables/published';

export type * from '../../shared/archive-views';

type PublishedReader = ReturnType<typeof createPublishedReader>;

export type DeliverableSource = Pick<PublishedReader, 'listPublished' | 'getPublished' | 'diffVersions'>;
