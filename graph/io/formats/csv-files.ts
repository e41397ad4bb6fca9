/** The three CSV files and their headers, which the CSV writer writes and the reader expects. */
export const CSV_HEADERS = {
  'sources.csv': ['id', 'title', 'publisher', 'authors', 'published', 'updated', 'url', 'text_kind', 'text_note'],
  'actors.csv': ['id', 'kind', 'name', 'category', 'aliases', 'summary', 'country', 'tags'],
  'relationships.csv': ['id', 'type', 'source', 'target', 'role', 'start', 'end', 'amount', 'currency', 'citation_source', 'citation_excerpt', 'citation_url', 'citation_warning'],
} as const;
export type CsvFile = keyof typeof CSV_HEADERS;

/** Headers of files written by earlier versions, still read (missing columns are blank). */
export const LEGACY_HEADERS: Record<CsvFile, readonly (readonly string[])[]> = {
  'sources.csv': [['id', 'title', 'publisher', 'author', 'published', 'url']],
  'actors.csv': [],
  'relationships.csv': [CSV_HEADERS['relationships.csv'].slice(0, 11)],
};

export const CSV_FILES = Object.keys(CSV_HEADERS) as CsvFile[];
