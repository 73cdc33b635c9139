/**
 * A complaint's search document from its row (by the row's alias): what intake stores in complaint_search_documents
 * and what erasure makes again from the erased words. Kept free of TypeORM so the benches' seeds can use it too.
 */
export const searchDocumentOf = (alias: string) => `to_tsvector('english', ${alias}.summary || ' ' || ${alias}.details)`;
