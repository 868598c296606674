/**
 * customer_scores loses its index on grade. Every re-score replaces all rows and rebuilt the
 * index (about a tenth of writing 100,000 scores back), while nothing looks scores up by
 * grade: the views filter an in-memory copy, and the reports' grade filter reads every
 * customer anyway.
 */
export const sql = `
DROP INDEX customer_scores_grade;
`;
