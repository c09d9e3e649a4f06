// The help endpoints' request body: JSON only, so a cross-site form cannot post it without a CORS preflight.
import { AppError } from '$server/shared/errors';

export async function jsonBody(request: Request): Promise<unknown> {
	if (!request.headers.get('content-type')?.startsWith('application/json')) throw new AppError('invalid', 'error.bodyNotJson');
	try {
		return await request.json();
	} catch {
		throw new AppError('invalid', 'error.bodyNotJson');
	}
}
