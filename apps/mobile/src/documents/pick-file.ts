import * as DocumentPicker from "expo-document-picker";
import * as ImagePicker from "expo-image-picker";
import type { PickedFile } from "./upload-document";

export type PickSource = "camera" | "library" | "files";

export class PermissionDeniedError extends Error {
  constructor(readonly source: PickSource) {
    super(`No permission for ${source}`);
  }
}

const extension: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/heic": "heic",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/**
 * One file from the camera, the photo library or the file picker; null when the person cancels.
 * Camera and library ask for permission first (a refusal throws, so the screen can say what to do).
 */
export async function pickFile(
  source: PickSource,
  acceptedTypes: readonly string[],
): Promise<PickedFile | null> {
  if (source === "files") {
    const result = await DocumentPicker.getDocumentAsync({
      type: [...acceptedTypes],
      copyToCacheDirectory: true,
      multiple: false,
    });
    const asset = result.canceled ? undefined : result.assets[0];
    if (!asset) return null;
    return {
      uri: asset.uri,
      name: asset.name,
      type: asset.mimeType ?? "application/octet-stream",
      size: asset.size ?? null,
      ...(asset.file ? { blob: asset.file } : {}),
    };
  }
  const permission =
    source === "camera"
      ? await ImagePicker.requestCameraPermissionsAsync()
      : await ImagePicker.requestMediaLibraryPermissionsAsync();
  if (!permission.granted) throw new PermissionDeniedError(source);
  const options: ImagePicker.ImagePickerOptions = { mediaTypes: ["images"], quality: 0.8 };
  const result =
    source === "camera"
      ? await ImagePicker.launchCameraAsync(options)
      : await ImagePicker.launchImageLibraryAsync(options);
  const asset = result.canceled ? undefined : result.assets[0];
  if (!asset) return null;
  const type = asset.mimeType ?? "image/jpeg";
  return {
    uri: asset.uri,
    name: asset.fileName ?? `photo-${Date.now()}.${extension[type] ?? "jpg"}`,
    type,
    size: asset.fileSize ?? null,
    ...(asset.file ? { blob: asset.file } : {}),
  };
}
