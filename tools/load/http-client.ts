import http from "node:http";

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** Keep-alive HTTP/1.1 to the gateway: one socket per virtual user, like a browser tab. */
export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly base: URL,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections + 8 });
  }

  request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
  ): Promise<HttpResult> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            accept: "application/json",
            ...(payload
              ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
              : {}),
            ...options.headers,
          },
          timeout: options.timeoutMs ?? 10_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              headers: response.headers,
            }),
          );
          response.on("error", reject);
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
