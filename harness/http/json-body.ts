/** `app.inject` options that send `body` as JSON: `app.inject({ method: 'POST', url, ...jsonBody({ a: 1 }) })`. */
export const jsonBody = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
