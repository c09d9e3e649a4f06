// The public archive ships no JavaScript: server-rendered pages, readable and navigable without it, and light.
export const csr = false;
