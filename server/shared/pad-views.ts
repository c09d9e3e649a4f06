// What pages see of a pad: the DTO the pads service hands out.
export type PadView = { id: string; workshopId: string; title: string; template: string | null; createdAt: string; deletedAt: string | null };
