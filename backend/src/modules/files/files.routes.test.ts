import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedFiles } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { detectImageType } from "./files.service.ts";

// A 1×1 PNG, and the first bytes of a JPEG and a WebP file (the type is told by these bytes).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 "), Buffer.alloc(32)]);

let t: TestApp;
let client: SignedUpUser;
let other: SignedUpUser;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  other = await signUp(t);
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

function multipart(content: Buffer, filename = "me.png", type = "image/png") {
  const boundary = `----test${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

interface ProfileBody {
  data: { profilePicture: string | null };
}
interface ErrorBody {
  error: { code: string; details?: { fields?: Record<string, string[]> } };
}

const upload = (user: SignedUpUser, body: ReturnType<typeof multipart>, id = "me") =>
  t.app.inject({
    method: "PUT",
    url: `/api/users/${id}/profile-picture`,
    payload: body.payload,
    headers: { ...user.headers, ...body.headers },
  });

const picture = async (user: SignedUpUser) =>
  json<ProfileBody>(await t.app.inject({ url: "/api/users/me/profile", headers: user.headers })).data
    .profilePicture;

const filesOf = (userId: string) =>
  t.ctx.db.select().from(storedFiles).where(eq(storedFiles.ownerId, userId));

describe("profile pictures", () => {
  it("tells PNG, JPEG and WebP by their bytes and nothing else", () => {
    expect(detectImageType(PNG)).toBe("image/png");
    expect(detectImageType(JPEG)).toBe("image/jpeg");
    expect(detectImageType(WEBP)).toBe("image/webp");
    expect(detectImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(detectImageType(Buffer.from("GIF89a"))).toBeNull();
  });

  it("stores an upload and serves it to its owner and staff only", async () => {
    const response = await upload(client, multipart(PNG));
    expect(response.statusCode).toBe(200);
    const path = json<ProfileBody>(response).data.profilePicture!;
    expect(path).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    expect(await picture(client)).toBe(path);

    const own = await t.app.inject({ url: path, headers: client.headers });
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("image/png");
    expect(own.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
    expect(own.rawPayload.equals(PNG)).toBe(true);

    expect((await t.app.inject({ url: path, headers: staff.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: path, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: path })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: `/api/files/${randomUUID()}`, headers: staff.headers })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: "/api/files/not-a-uuid", headers: staff.headers })).statusCode).toBe(
      400,
    );
  });

  it("replaces the previous picture (a raw image body works too) and keeps one file per user", async () => {
    const first = json<ProfileBody>(await upload(client, multipart(PNG))).data.profilePicture!;
    const second = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/profile-picture",
      payload: JPEG,
      headers: { ...client.headers, "content-type": "image/jpeg" },
    });
    expect(second.statusCode).toBe(200);
    const path = json<ProfileBody>(second).data.profilePicture!;
    expect(path).not.toBe(first);
    expect((await t.app.inject({ url: path, headers: client.headers })).headers["content-type"]).toBe(
      "image/jpeg",
    );
    expect((await t.app.inject({ url: first, headers: client.headers })).statusCode).toBe(404);
    expect(await filesOf(client.id)).toHaveLength(1);
  });

  it("refuses what is not a picture, an empty file and more than 2 MB, and changes nothing", async () => {
    const before = await picture(client);
    const cases = [
      { body: multipart(Buffer.from("just text"), "me.png"), status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
      { body: multipart(Buffer.alloc(0)), status: 400, code: "VALIDATION_ERROR" },
      {
        body: multipart(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])),
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
      },
    ];
    for (const { body, status, code } of cases) {
      const response = await upload(client, body);
      expect(response.statusCode, code).toBe(status);
      const error = json<ErrorBody>(response).error;
      expect(error.code).toBe(code);
      expect(error.details?.fields?.file).toEqual([expect.any(String)]);
    }
    const plain = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/profile-picture",
      payload: "hello",
      headers: { ...client.headers, "content-type": "text/plain" },
    });
    expect(plain.statusCode).toBe(415);
    expect(await picture(client)).toBe(before);
    expect(await filesOf(client.id)).toHaveLength(1);
  });

  it("lets staff set a client's picture, and answers 404 to another client and 401 to no one", async () => {
    expect((await upload(other, multipart(PNG), client.id)).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: "PUT",
          url: `/api/users/${client.id}/profile-picture`,
          ...multipart(PNG),
        })
      ).statusCode,
    ).toBe(401);
    const byStaff = await upload(staff, multipart(PNG), other.id);
    expect(byStaff.statusCode).toBe(200);
    expect(await picture(other)).toMatch(/^\/api\/files\//);
  });

  it("removes the picture and its file, also when a link replaces it", async () => {
    const path = json<ProfileBody>(await upload(client, multipart(PNG))).data.profilePicture!;
    const removed = await t.app.inject({
      method: "DELETE",
      url: "/api/users/me/profile-picture",
      headers: client.headers,
    });
    expect(json<ProfileBody>(removed).data.profilePicture).toBeNull();
    expect((await t.app.inject({ url: path, headers: client.headers })).statusCode).toBe(404);
    expect(await filesOf(client.id)).toHaveLength(0);

    await upload(client, multipart(PNG));
    const linked = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      payload: { profilePicture: "https://example.com/me.png" },
      headers: client.headers,
    });
    expect(json<ProfileBody>(linked).data.profilePicture).toBe("https://example.com/me.png");
    expect(await filesOf(client.id)).toHaveLength(0);
  });
});
