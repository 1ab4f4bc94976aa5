// Results from the rows the core can read, while a bad row waits to be fixed: when the core refuses
// a table only because of problems in some of its rows, the same request is asked again without
// those rows, and the page shows that answer beside the errors at the bad cells. The core stays
// the judge of what is valid; this only leaves out the rows it named.

const ROW_FIELD = /^rows\[(\d+)\]/;

/**
 * call(request) → the core's response. Returns {response, errors, kept}: `response` is the answer
 * to show (for the rows in `kept`, their indices in the request), `errors` the core's problems
 * with the full table ([] when it took every row). A problem that is not a row's (the request, the
 * project) leaves nothing to show: response is the refusal and kept is [].
 */
export async function callWithValidRows(call, request) {
  const rows = request.data.rows;
  const first = await call(request);
  if (first.ok) return { response: first, errors: [], kept: rows.map((_, i) => i) };
  const bad = new Set();
  for (const problem of first.errors) {
    const match = ROW_FIELD.exec(problem.field || "");
    if (!match) return { response: first, errors: first.errors, kept: [] };
    bad.add(Number(match[1]));
  }
  const kept = rows.map((_, i) => i).filter((i) => !bad.has(i));
  const second = await call({ ...request, data: { ...request.data, rows: kept.map((i) => rows[i]) } });
  return second.ok ? { response: second, errors: first.errors, kept } : { response: first, errors: first.errors, kept: [] };
}

/** "第 2、5 行" for the rows left out (indices of the request), or "" when none were. */
export function leftOut(errors) {
  const numbers = [...new Set(errors.map((e) => ROW_FIELD.exec(e.field || "")).filter(Boolean).map((m) => Number(m[1]) + 1))].sort((a, b) => a - b);
  return numbers.length ? `第 ${numbers.join("、")} 行` : "";
}
