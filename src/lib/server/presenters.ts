// The server's formats as routes present them (documents, booklets, open data, static site, kits, limits): pure
// rendering of what a use case already returned; routes import them from here, never from server/ directly.
export { citation, deliverableDocument, slugify, toMarkdown, toStandaloneHtml, type ExportDocument } from '$server/exports/document-export';
export { buildOpenData, csvTables, openDataCsv, type CsvTable } from '$server/exports/open-data';
export { fileLinksOf } from '$server/exports/static-site/pages';
export { paths } from '$server/exports/static-site/layout';
export { readSiteFiles } from '$server/exports/static-site/site-files';
export { renderStaticSite } from '$server/exports/static-site/build';
export { proceedingsChapters, proceedingsCitation } from '$server/exports/proceedings-document';
export { bookletFiles, proceedingsDocx, proceedingsEpub, proceedingsOdt, toPrintBooklet } from '$server/exports/proceedings-booklet';
export { pagedPolyfill } from '$server/exports/paged-polyfill';
export { zipFiles } from '$server/exports/zip';
export { bumpVersion } from '$server/kits/kit-render';
export { kitView } from '$server/kits/kit-view';
export { renderKitMarkdown } from '$server/kits/kit-markdown';
export { writeKitZip } from '$server/kits/kit-zip';
export { MAX_SOURCE_BYTES } from '$server/domain/programme/import/parse-source';
export { csvColumns, requiredColumns } from '$server/domain/programme/csv-import';
export { describeBytes } from '$server/domain/files/drive-inputs';
export { isInlineSafe } from '$server/domain/files/sniff';
export { templateMarkdown } from '$server/domain/pads/templates';
export { workshopHead, type Programme } from '$server/domain/programme/programme-view';
