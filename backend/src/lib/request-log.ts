/** What a request log line shows; EventSource clients put their token in the query string, so it is masked. */
export function serializeRequest(request: { method?: string; url?: string; ip?: string; id?: string }) {
  return {
    id: request.id,
    method: request.method,
    url: request.url?.replace(/([?&]token=)[^&]*/g, "$1[redacted]"),
    remoteAddress: request.ip,
  };
}
