// The one archive page with a script: a static site takes a while to build and zip, so the page shows it is being
// prepared and how far the download got (without script, the links stay plain downloads).
export const csr = true;
