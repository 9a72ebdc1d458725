/**
 * Runs a sliced DELETE (`… WHERE rowid IN (SELECT rowid … LIMIT <slice>)`) again and again, until a slice comes
 * back short or `maxStatements` have run: a purge's work per cron run stays bounded whatever the backlog, and the
 * next run goes on where this one stopped. Returns the rows deleted.
 */
export async function deleteInSlices(slice: D1PreparedStatement, sliceRows: number, maxStatements: number): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < maxStatements; i++) {
    const res = await slice.run();
    deleted += res.meta.changes;
    if (res.meta.changes < sliceRows) break;
  }
  return deleted;
}
