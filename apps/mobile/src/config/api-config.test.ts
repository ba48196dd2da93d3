import { resolveApiConfig } from "./api-config";

describe("resolveApiConfig", () => {
  it("uses the factory's URL for the environment when nothing is configured (native)", () => {
    expect(resolveApiConfig({ appEnv: "staging" }, undefined)).toEqual({
      environment: "staging",
      baseURL: undefined,
    });
  });

  it("prefers EXPO_PUBLIC_API_URL over extra.apiUrl", () => {
    expect(resolveApiConfig({ apiUrl: "https://api.example/api" }, "http://192.168.1.20:3000/api")).toEqual({
      environment: "development",
      baseURL: "http://192.168.1.20:3000/api",
    });
    expect(resolveApiConfig({ apiUrl: "https://api.example/api" }, undefined).baseURL).toBe(
      "https://api.example/api",
    );
  });

  it("ignores an unknown environment and a non-string URL", () => {
    expect(resolveApiConfig({ appEnv: "qa", apiUrl: {} }, undefined)).toEqual({
      environment: "development",
      baseURL: undefined,
    });
  });
});
