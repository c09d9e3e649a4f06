// Who is asking: the signed-in person (or guest) as every use case and page sees them.
export type Viewer = {
	id: string;
	username: string | null;
	displayName: string;
	isGuest: boolean;
	isAdmin: boolean;
};
