import { fixtureUuid, MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { CaseChecklist } from "@referral-app/shared/schemas/document";
import { act, render, screen, userEvent, waitFor } from "@testing-library/react-native";
import * as DocumentPicker from "expo-document-picker";
import * as ImagePicker from "expo-image-picker";
import { HttpResponse, http } from "msw";
import { CaseScreen } from "../screens/case-screen";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";

// Only the native pickers are mocked; the uploader's XMLHttpRequest and FormData are React Native's
// networking, which Jest lacks, so a recording stand-in answers like the server (below).
jest.mock("expo-image-picker", () => ({
  requestCameraPermissionsAsync: jest.fn(),
  requestMediaLibraryPermissionsAsync: jest.fn(),
  launchCameraAsync: jest.fn(),
  launchImageLibraryAsync: jest.fn(),
}));
jest.mock("expo-document-picker", () => ({ getDocumentAsync: jest.fn() }));

const caseId = fixtureUuid(10);
const MAX = 1024 * 1024;

class RecordingFormData {
  parts: [string, unknown][] = [];
  append(name: string, value: unknown) {
    this.parts.push([name, value]);
  }
}

class RecordingXhr {
  static sent: RecordingXhr[] = [];
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: RecordingFormData | null = null;
  status = 0;
  responseText = "";
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: RecordingFormData) {
    this.body = body;
    RecordingXhr.sent.push(this);
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  drop() {
    this.onerror?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const checklist: CaseChecklist = {
  caseId,
  currentStage: "assessment",
  maxBytes: MAX,
  sharing: null,
  lines: [
    {
      requirement: {
        id: "passport",
        stage: "assessment",
        name: "Passport",
        description: "",
        hint: "Colour scan of every page",
        required: true,
        personal: false,
        acceptedTypes: ["application/pdf", "image/jpeg", "image/png"],
        expires: false,
        minValidityMonths: 0,
      },
      applicant: null,
      state: "missing",
      neededNow: true,
      document: null,
    },
  ],
};

const realXhr = global.XMLHttpRequest;
const realFormData = global.FormData;
const image = jest.mocked(ImagePicker);
const files = jest.mocked(DocumentPicker);

async function renderCase() {
  const network = createTestNetwork();
  let checklistReads = 0;
  network.extraHandlers.push(
    http.get(`${MOCK_BASE_URL}/cases/:id/documents`, () => {
      checklistReads += 1;
      return HttpResponse.json({ status: "success", data: checklist });
    }),
  );
  const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
  await app.sessionToken.set("device-token");
  await render(app.wrap(<CaseScreen id={caseId} />));
  // The first render of the whole provider tree is slow on a busy machine.
  await screen.findByText("Passport", {}, { timeout: 15_000 });
  return { reads: () => checklistReads };
}

beforeEach(() => {
  RecordingXhr.sent = [];
  global.XMLHttpRequest = RecordingXhr as unknown as typeof XMLHttpRequest;
  global.FormData = RecordingFormData as unknown as typeof FormData;
  for (const mock of [
    image.requestCameraPermissionsAsync,
    image.requestMediaLibraryPermissionsAsync,
    image.launchCameraAsync,
    image.launchImageLibraryAsync,
    files.getDocumentAsync,
  ])
    mock.mockReset();
});

afterEach(() => {
  global.XMLHttpRequest = realXhr;
  global.FormData = realFormData;
});

describe("case documents on the phone", () => {
  it("takes a photo, uploads it against the line with a progress bar, and refreshes the checklist", async () => {
    image.requestCameraPermissionsAsync.mockResolvedValue({ granted: true } as never);
    image.launchCameraAsync.mockResolvedValue({
      canceled: false,
      assets: [
        {
          uri: "file:///cache/photo-1.jpg",
          fileName: "passport.jpg",
          mimeType: "image/jpeg",
          fileSize: 2_000,
        },
      ],
    } as never);
    const { reads } = await renderCase();
    const readsBefore = reads();
    await userEvent.setup().press(screen.getByRole("button", { name: "Take a photo of Passport" }));

    await waitFor(() => expect(RecordingXhr.sent).toHaveLength(1));
    const request = RecordingXhr.sent[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${MOCK_BASE_URL}/cases/${caseId}/documents`);
    expect(request.headers.Authorization).toBe("Bearer device-token");
    expect(request.headers["Idempotency-Key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    // The file first (the server streams it as it arrives), then the line it belongs to.
    expect(request.body?.parts).toEqual([
      ["file", { uri: "file:///cache/photo-1.jpg", name: "passport.jpg", type: "image/jpeg" }],
      ["requirementId", "passport"],
    ]);

    await act(async () => request.progress(500, 2_000));
    const bar = await screen.findByRole("progressbar", { name: "Uploading passport.jpg" });
    expect(bar.props.accessibilityValue).toEqual({ min: 0, max: 100, now: 25 });
    expect(screen.getByRole("button", { name: "Choose a file for Passport" })).toBeDisabled();

    await act(async () => request.answer(201, { status: "success", data: {} }));
    expect(
      await screen.findByText("“passport.jpg” is uploaded; your consultant will check it."),
    ).toBeOnTheScreen();
    expect(screen.queryByRole("progressbar", { name: /^Uploading/ })).not.toBeOnTheScreen();
    await waitFor(() => expect(reads()).toBeGreaterThan(readsBefore));
  });

  it("sends a dropped upload again with the same Idempotency-Key, and offers to send it again after the last try", async () => {
    files.getDocumentAsync.mockResolvedValue({
      canceled: false,
      assets: [{ uri: "file:///docs/cv.pdf", name: "cv.pdf", mimeType: "application/pdf", size: 3_000 }],
    } as never);
    await renderCase();
    const user = userEvent.setup();
    await user.press(screen.getByRole("button", { name: "Choose a file for Passport" }));
    await waitFor(() => expect(RecordingXhr.sent).toHaveLength(1));
    await act(async () => RecordingXhr.sent[0]!.drop());
    // The automatic retries wait 1 s, then 3 s.
    await waitFor(() => expect(RecordingXhr.sent).toHaveLength(2), { timeout: 3_000 });
    await act(async () =>
      RecordingXhr.sent[1]!.answer(503, {
        status: "error",
        message: "Busy",
        error: { code: "SERVICE_UNAVAILABLE", message: "Busy" },
      }),
    );
    await waitFor(() => expect(RecordingXhr.sent).toHaveLength(3), { timeout: 5_000 });
    await act(async () => RecordingXhr.sent[2]!.drop());
    expect(
      await screen.findByText("The upload did not finish. Check your connection and try again."),
    ).toBeOnTheScreen();

    await user.press(screen.getByRole("button", { name: "Send “cv.pdf” again" }));
    await waitFor(() => expect(RecordingXhr.sent).toHaveLength(4));
    const keys = RecordingXhr.sent.map((request) => request.headers["Idempotency-Key"]);
    expect(new Set(keys).size).toBe(1);
    expect(RecordingXhr.sent[3]!.body?.parts[0]).toEqual([
      "file",
      { uri: "file:///docs/cv.pdf", name: "cv.pdf", type: "application/pdf" },
    ]);
    await act(async () => RecordingXhr.sent[3]!.answer(201, { status: "success", data: {} }));
    expect(await screen.findByText("“cv.pdf” is uploaded; your consultant will check it.")).toBeOnTheScreen();
    expect(screen.queryByRole("button", { name: "Send “cv.pdf” again" })).not.toBeOnTheScreen();
  });

  it("refuses a file over the limit in words before sending anything", async () => {
    files.getDocumentAsync.mockResolvedValue({
      canceled: false,
      assets: [
        { uri: "file:///docs/bank.pdf", name: "bank.pdf", mimeType: "application/pdf", size: 5 * MAX },
      ],
    } as never);
    await renderCase();
    await userEvent.setup().press(screen.getByRole("button", { name: "Choose a file for Passport" }));
    expect(
      await screen.findByText(
        "“bank.pdf” is larger than 1 MB. Choose a smaller file or take the photo again.",
      ),
    ).toBeOnTheScreen();
    expect(files.getDocumentAsync).toHaveBeenCalledWith(
      expect.objectContaining({ type: ["application/pdf", "image/jpeg", "image/png"] }),
    );
    expect(RecordingXhr.sent).toHaveLength(0);
  });

  it("says what to do when photo access is refused, and sends nothing when the picker is cancelled", async () => {
    image.requestMediaLibraryPermissionsAsync.mockResolvedValue({ granted: false } as never);
    await renderCase();
    const user = userEvent.setup();
    await user.press(screen.getByRole("button", { name: "Choose a photo of Passport" }));
    expect(
      await screen.findByText("Allow access to your camera or photos in Settings, or choose a file instead."),
    ).toBeOnTheScreen();
    expect(image.launchImageLibraryAsync).not.toHaveBeenCalled();

    files.getDocumentAsync.mockResolvedValue({ canceled: true, assets: null } as never);
    await user.press(screen.getByRole("button", { name: "Choose a file for Passport" }));
    await waitFor(() => expect(files.getDocumentAsync).toHaveBeenCalled());
    expect(RecordingXhr.sent).toHaveLength(0);
  });

  it("shows the server's refusal of the file's type in words", async () => {
    image.requestMediaLibraryPermissionsAsync.mockResolvedValue({ granted: true } as never);
    image.launchImageLibraryAsync.mockResolvedValue({
      canceled: false,
      assets: [
        { uri: "file:///photos/scan.gif", fileName: "scan.gif", mimeType: "image/gif", fileSize: 900 },
      ],
    } as never);
    await renderCase();
    await userEvent.setup().press(screen.getByRole("button", { name: "Choose a photo of Passport" }));
    await waitFor(() => expect(RecordingXhr.sent).toHaveLength(1));
    await act(async () =>
      RecordingXhr.sent[0]!.answer(415, {
        status: "error",
        message: "Unsupported type",
        error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Unsupported type" },
      }),
    );
    expect(
      await screen.findByText("This kind of file is not accepted here. Send a photo or a PDF."),
    ).toBeOnTheScreen();
    // A refusal is not sent again: the same file would be refused the same way.
    expect(screen.queryByRole("button", { name: /again$/ })).not.toBeOnTheScreen();
    expect(RecordingXhr.sent).toHaveLength(1);
  });
});
